namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>Names where a shard reader starts, as the four GetShardIterator types do.</summary>
/// <param name="Kind">The kind of position.</param>
/// <param name="SequenceNumber">The sequence number for <see cref="ShardPositionKind.AtSequenceNumber"/> and <see cref="ShardPositionKind.AfterSequenceNumber"/>.</param>
public readonly record struct ShardPosition(ShardPositionKind Kind, string? SequenceNumber = null)
{
    /// <summary>Gets the position of the oldest record still kept.</summary>
    public static ShardPosition TrimHorizon => new(ShardPositionKind.TrimHorizon);

    /// <summary>Gets the position just after the newest record.</summary>
    public static ShardPosition Latest => new(ShardPositionKind.Latest);

    /// <summary>Returns the position of a record.</summary>
    /// <param name="sequenceNumber">The record's sequence number.</param>
    /// <returns>The position.</returns>
    public static ShardPosition At(string sequenceNumber) => new(ShardPositionKind.AtSequenceNumber, sequenceNumber);

    /// <summary>Returns the position just after a record.</summary>
    /// <param name="sequenceNumber">The record's sequence number.</param>
    /// <returns>The position.</returns>
    public static ShardPosition After(string sequenceNumber) => new(ShardPositionKind.AfterSequenceNumber, sequenceNumber);
}
