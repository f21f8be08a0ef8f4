using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Holds the items sharing one partition key value, ordered by sort key.
/// </summary>
internal sealed class Partition
{
    public Partition(AttributeValue hashValue, uint scanHash, int capacity)
    {
        HashValue = hashValue;
        ScanHash = scanHash;
        Items = new SortedList<SortKey, StoredItem>(capacity, SortKeyComparer.Instance);
    }

    /// <summary>Gets the partition key value (null only for the search bounds used by scans).</summary>
    public AttributeValue? HashValue { get; }

    /// <summary>Gets the hash that orders partitions in a scan (and splits them into parallel scan segments).</summary>
    public uint ScanHash { get; }

    public SortedList<SortKey, StoredItem> Items { get; }

    /// <summary>Creates a bound for range searches over the scan order.</summary>
    public static Partition Bound(uint scanHash) => new(null!, scanHash, 0);
}
