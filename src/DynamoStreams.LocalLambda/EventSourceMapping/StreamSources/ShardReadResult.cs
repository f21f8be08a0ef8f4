namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>Holds the outcome of one read of a shard.</summary>
/// <param name="Records">The records, in sequence order.</param>
/// <param name="EndOfShard">True when the shard is closed and every record has been read.</param>
public sealed record ShardReadResult(IReadOnlyList<StreamRecord> Records, bool EndOfShard);
