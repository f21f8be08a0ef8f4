using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Local;

/// <summary>
/// Builds the item the "write test item" command puts: the table's keys with fresh values, plus a marker.
/// </summary>
internal static class TestItemFactory
{
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
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [partitionKey.Name] = Value(partitionKey.Type, id, now),
            ["source"] = new AttributeValue { S = "aspire-dashboard" },
            ["createdAt"] = new AttributeValue { S = now.ToString("O", CultureInfo.InvariantCulture) },
        };
        if (sortKey is not null)
        {
            item[sortKey.Name] = Value(sortKey.Type, id, now);
        }

        return item;
    }

    private static AttributeValue Value(DynamoAttributeType type, string id, DateTimeOffset now) => type switch
    {
        DynamoAttributeType.Number => new AttributeValue { N = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
        DynamoAttributeType.Binary => new AttributeValue { B = new MemoryStream(Encoding.UTF8.GetBytes(id)) },
        _ => new AttributeValue { S = id },
    };
}
