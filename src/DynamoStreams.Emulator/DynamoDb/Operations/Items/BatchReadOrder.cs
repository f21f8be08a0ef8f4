using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Orders the keys a BatchGetItem reads from one table as the table stores its partitions (the order Scan
/// uses): by partition hash, then partition key, then sort key. DynamoDB does not read a batch in request order,
/// and which keys a partial result leaves unprocessed follows from the order the partition is read in.
/// </summary>
internal static class BatchReadOrder
{
    /// <summary>Sorts the keys into the table's partition order.</summary>
    /// <param name="keys">The requested keys (validated against the schema).</param>
    /// <param name="schema">The table's key schema.</param>
    /// <returns>The keys in read order.</returns>
    public static List<Dictionary<string, AttributeValue>> Sort(IReadOnlyList<Dictionary<string, AttributeValue>> keys, KeySchema schema)
    {
        var hashName = schema.HashKey.Name;
        var rangeName = schema.RangeKey?.Name;
        var comparer = KeyValueComparer.Instance;
        var ordered = keys
            .Select(k => (Key: k, Hash: ScanHash.Compute(k[hashName])))
            .OrderBy(k => k.Hash)
            .ThenBy(k => k.Key[hashName], comparer);
        if (rangeName is not null)
        {
            ordered = ordered.ThenBy(k => k.Key[rangeName], comparer);
        }

        return ordered.Select(k => k.Key).ToList();
    }
}
