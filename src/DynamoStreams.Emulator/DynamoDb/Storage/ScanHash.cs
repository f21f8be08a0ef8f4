using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Computes the stable 32-bit hash (FNV-1a) that orders partitions in a scan, so that scan order
/// looks unordered like DynamoDB's and a parallel scan segment is a contiguous hash range.
/// </summary>
internal static class ScanHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Compute(AttributeValue value)
    {
        var hash = Offset;
        hash = (hash ^ (byte)value.Type) * Prime;
        switch (value.Type)
        {
            case AttributeValueType.S:
                foreach (var c in value.AsString())
                {
                    hash = (hash ^ (byte)c) * Prime;
                    hash = (hash ^ (byte)(c >> 8)) * Prime;
                }

                break;
            case AttributeValueType.N:
                foreach (var c in value.AsNumber().ToString())
                {
                    hash = (hash ^ c) * Prime;
                }

                break;
            default:
                foreach (var b in value.AsBinary().Span)
                {
                    hash = (hash ^ b) * Prime;
                }

                break;
        }

        // FNV leaves the high bits poorly mixed for short keys; finish with a murmur-style avalanche.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return hash;
    }

    /// <summary>Returns the first hash of a parallel scan segment.</summary>
    public static ulong SegmentStart(int segment, int totalSegments) =>
        (ulong)segment * 0x1_0000_0000UL / (ulong)totalSegments;
}
