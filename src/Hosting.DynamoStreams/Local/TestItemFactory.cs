using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Builds the item the "write test item" command puts: shaped by the pattern's first seed item when it has seed data
/// (so the item is one the handler accepts), with the table's keys set to fresh values and a marker attribute.
/// </summary>
internal static class TestItemFactory
{
    /// <summary>The marker attribute (<c>source = aspire-dashboard</c>) that tells test items apart, unless the seed item has one.</summary>
    public const string MarkerAttribute = "source";

    /// <summary>
    /// Creates a test item for the pattern's table.
    /// </summary>
    /// <param name="owner">The pattern that declares the table.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The item.</returns>
    public static Dictionary<string, AttributeValue> Create(DynamoStreamsLambdaResource owner, DateTimeOffset now)
    {
        var partitionKey = owner.ExistingTable?.LocalPartitionKey ?? owner.Table.PartitionKey;
        var sortKey = owner.ExistingTable is null ? owner.Table.SortKey : owner.ExistingTable.LocalSortKey;
        var id = $"test-{Guid.NewGuid():N}";
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        if (owner.SeedData?.Items.FirstOrDefault() is { } template)
        {
            foreach (var (name, value) in template.Item)
            {
                item[name] = Copy(value);
            }
        }

        item.TryAdd(MarkerAttribute, new AttributeValue { S = "aspire-dashboard" });
        item.TryAdd("createdAt", new AttributeValue { S = now.ToString("O", CultureInfo.InvariantCulture) });
        item[partitionKey.Name] = Value(partitionKey.Type, id, now);
        if (sortKey is not null)
        {
            item[sortKey.Name] = Value(sortKey.Type, id, now);
        }

        return item;
    }

    /// <summary>
    /// Describes an item's top-level attributes in one line, for the command's result: <c>id = test-…, amount = 10</c>.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <returns>The description.</returns>
    public static string Describe(IReadOnlyDictionary<string, AttributeValue> item) =>
        string.Join(", ", item.Select(a => $"{a.Key} = {Scalar(a.Value)}"));

    private static string Scalar(AttributeValue value) => value switch
    {
        { S: { } s } => s,
        { N: { } n } => n,
        { B: { } b } => $"<{b.Length} bytes>",
        { IsBOOLSet: true } => value.BOOL == true ? "true" : "false",
        { NULL: true } => "null",
        { IsMSet: true } => "{…}",
        { IsLSet: true } => "[…]",
        _ => "(set)",
    };

    // A binary value is a stream the SDK reads when it sends the item: each item needs its own.
    private static AttributeValue Copy(AttributeValue value) =>
        value.B is { } bytes ? new AttributeValue { B = new MemoryStream(bytes.ToArray()) } : value;

    private static AttributeValue Value(DynamoAttributeType type, string id, DateTimeOffset now) => type switch
    {
        DynamoAttributeType.Number => new AttributeValue { N = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
        DynamoAttributeType.Binary => new AttributeValue { B = new MemoryStream(Encoding.UTF8.GetBytes(id)) },
        _ => new AttributeValue { S = id },
    };
}
