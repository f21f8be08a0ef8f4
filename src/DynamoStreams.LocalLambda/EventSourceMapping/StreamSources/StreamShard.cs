namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>Describes one shard as DescribeStream reports it.</summary>
/// <param name="ShardId">The shard's id.</param>
/// <param name="ParentShardId">The parent shard, or null for a root shard.</param>
/// <param name="StartingSequenceNumber">The first sequence number of the shard.</param>
/// <param name="EndingSequenceNumber">The last sequence number when the shard is closed; null while open.</param>
public sealed record StreamShard(string ShardId, string? ParentShardId, string? StartingSequenceNumber, string? EndingSequenceNumber)
{
    /// <summary>Gets whether the shard is closed (no more records will be added).</summary>
    public bool IsClosed => EndingSequenceNumber is not null;
}
