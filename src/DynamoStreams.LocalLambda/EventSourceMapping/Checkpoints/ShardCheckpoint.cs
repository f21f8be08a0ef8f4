namespace DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;

/// <summary>Holds a mapping's position in one shard.</summary>
/// <param name="AfterSequenceNumber">Every record up to and including this one is done; null when none is.</param>
/// <param name="Finished">True when the shard is closed and every record in it is done (its children may start).</param>
public sealed record ShardCheckpoint(string? AfterSequenceNumber, bool Finished);
