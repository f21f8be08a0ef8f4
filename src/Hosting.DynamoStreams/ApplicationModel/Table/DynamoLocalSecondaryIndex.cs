namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes a local secondary index (CDK's <c>LocalSecondaryIndexProps</c>); it shares the table's partition key.
/// </summary>
public sealed class DynamoLocalSecondaryIndex
{
    /// <summary>Gets or sets the index name.</summary>
    public required string IndexName { get; set; }

    /// <summary>Gets or sets the index sort key.</summary>
    public required DynamoAttribute SortKey { get; set; }

    /// <summary>Gets or sets which attributes the index copies (default <see cref="DynamoProjectionType.All"/>).</summary>
    public DynamoProjectionType ProjectionType { get; set; } = DynamoProjectionType.All;

    /// <summary>Gets the attributes copied with <see cref="DynamoProjectionType.Include"/>.</summary>
    public IList<string> NonKeyAttributes { get; } = [];
}
