namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>Compares binary values bytewise for set membership and hashing.</summary>
internal sealed class BinaryEqualityComparer : IEqualityComparer<ReadOnlyMemory<byte>>
{
    public static BinaryEqualityComparer Instance { get; } = new();

    public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<byte> obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj.Span);
        return hash.ToHashCode();
    }
}
