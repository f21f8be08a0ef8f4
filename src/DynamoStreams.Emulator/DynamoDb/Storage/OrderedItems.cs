using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Stores items by partition key value, each partition ordered by <see cref="SortKey"/>, with a global
/// scan order over partitions. Used for a table and for each of its secondary indexes. Not thread-safe:
/// the owning table's lock guards it.
/// </summary>
internal sealed class OrderedItems
{
    private readonly Dictionary<AttributeValue, Partition> _partitions = [];
    private readonly SortedSet<Partition> _scanOrder = new(PartitionScanComparer.Instance);
    private readonly int _partitionCapacity;

    public OrderedItems(bool hasSortKey)
    {
        _partitionCapacity = hasSortKey ? 4 : 1;
    }

    public int Count { get; private set; }

    public long TotalSize { get; private set; }

    public StoredItem? Get(AttributeValue hash, SortKey sortKey) =>
        _partitions.TryGetValue(hash, out var partition) && partition.Items.TryGetValue(sortKey, out var item) ? item : null;

    public Partition? FindPartition(AttributeValue hash) => _partitions.GetValueOrDefault(hash);

    public void Put(AttributeValue hash, SortKey sortKey, StoredItem item)
    {
        if (!_partitions.TryGetValue(hash, out var partition))
        {
            partition = new Partition(hash, ScanHash.Compute(hash), _partitionCapacity);
            _partitions.Add(hash, partition);
            _scanOrder.Add(partition);
        }

        var items = partition.Items;
        var index = items.IndexOfKey(sortKey);
        if (index >= 0)
        {
            TotalSize -= items.Values[index].Size;
            items.SetValueAtIndex(index, item);
        }
        else
        {
            items.Add(sortKey, item);
            Count++;
        }

        TotalSize += item.Size;
    }

    public void Remove(AttributeValue hash, SortKey sortKey)
    {
        if (!_partitions.TryGetValue(hash, out var partition))
        {
            return;
        }

        var index = partition.Items.IndexOfKey(sortKey);
        if (index < 0)
        {
            return;
        }

        TotalSize -= partition.Items.Values[index].Size;
        partition.Items.RemoveAt(index);
        Count--;
        if (partition.Items.Count == 0)
        {
            _partitions.Remove(hash);
            _scanOrder.Remove(partition);
        }
    }

    /// <summary>Enumerates partitions in scan order, from the given partition (inclusive) up to a hash bound (exclusive).</summary>
    public IEnumerable<Partition> ScanPartitions(Partition? from, ulong fromHash, ulong toHashExclusive)
    {
        if (_scanOrder.Count == 0 || fromHash >= toHashExclusive)
        {
            yield break;
        }

        var lower = from ?? Partition.Bound((uint)fromHash);
        var upper = _scanOrder.Max!;
        if (PartitionScanComparer.Instance.Compare(lower, upper) > 0)
        {
            yield break;
        }

        foreach (var partition in _scanOrder.GetViewBetween(lower, upper))
        {
            if (partition.ScanHash >= toHashExclusive)
            {
                yield break;
            }

            yield return partition;
        }
    }

    public void Clear()
    {
        _partitions.Clear();
        _scanOrder.Clear();
        Count = 0;
        TotalSize = 0;
    }
}
