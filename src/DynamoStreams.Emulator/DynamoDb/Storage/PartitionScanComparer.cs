using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Orders partitions for scans: by scan hash, then by key value; a bound (no key value) sorts first
/// among partitions with its hash.
/// </summary>
internal sealed class PartitionScanComparer : IComparer<Partition>
{
    public static PartitionScanComparer Instance { get; } = new();

    public int Compare(Partition? x, Partition? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var result = x!.ScanHash.CompareTo(y!.ScanHash);
        return result != 0 ? result : KeyValueComparer.Instance.Compare(x.HashValue, y.HashValue);
    }
}
