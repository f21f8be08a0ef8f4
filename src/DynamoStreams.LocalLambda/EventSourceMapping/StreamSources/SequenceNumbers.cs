namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>Compares stream sequence numbers, which are decimal digit strings of varying length.</summary>
public static class SequenceNumbers
{
    /// <summary>Compares two sequence numbers numerically.</summary>
    /// <param name="left">A sequence number.</param>
    /// <param name="right">Another sequence number.</param>
    /// <returns>Negative, zero or positive, as <paramref name="left"/> is less, equal or greater.</returns>
    public static int Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = left.AsSpan().TrimStart('0');
        var b = right.AsSpan().TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
    }
}
