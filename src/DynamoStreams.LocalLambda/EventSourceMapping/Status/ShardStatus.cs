namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Describes a mapping's progress in one shard.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="ParentShardId">The parent shard, or null.</param>
/// <param name="Checkpoint">The last sequence number done, or null.</param>
/// <param name="Finished">True when the shard is closed and fully processed.</param>
/// <param name="Active">True while the shard is being read.</param>
public sealed record ShardStatus(string ShardId, string? ParentShardId, string? Checkpoint, bool Finished, bool Active);
