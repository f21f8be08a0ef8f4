namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Names a position in a shard, as a shard iterator type does: the oldest untrimmed record, the end, or at or
/// after a sequence number.
/// </summary>
/// <param name="Kind">The kind of position.</param>
/// <param name="SequenceNumber">The sequence number for <see cref="StreamPositionKind.AtSequenceNumber"/> and <see cref="StreamPositionKind.AfterSequenceNumber"/>.</param>
public readonly record struct StreamPosition(StreamPositionKind Kind, string? SequenceNumber)
{
    /// <summary>Gets the position of the oldest untrimmed record.</summary>
    public static StreamPosition TrimHorizon => new(StreamPositionKind.TrimHorizon, null);

    /// <summary>Gets the position just after the newest record at the time of the read.</summary>
    public static StreamPosition Latest => new(StreamPositionKind.Latest, null);

    /// <summary>Creates the position of a record.</summary>
    /// <param name="sequenceNumber">The record's sequence number.</param>
    /// <returns>The position.</returns>
    public static StreamPosition At(string sequenceNumber) => new(StreamPositionKind.AtSequenceNumber, sequenceNumber);

    /// <summary>Creates the position just after a record.</summary>
    /// <param name="sequenceNumber">The record's sequence number.</param>
    /// <returns>The position.</returns>
    public static StreamPosition After(string sequenceNumber) => new(StreamPositionKind.AfterSequenceNumber, sequenceNumber);
}
