using Amazon.DynamoDBv2.Model;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Holds one seed item in DynamoDB's attribute-value form, and where it came from (for error messages).
/// </summary>
/// <param name="Item">The item's attributes.</param>
/// <param name="Source">Where it was declared, for example <c>seed.json $[2]</c> or <c>code item #1</c>.</param>
public sealed record DynamoSeedItem(IReadOnlyDictionary<string, AttributeValue> Item, string Source);
