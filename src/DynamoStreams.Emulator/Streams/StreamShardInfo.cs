namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Describes one shard as <c>DescribeStream</c> reports it.
/// </summary>
/// <param name="ShardId">The shard id, for example <c>shardId-00000001700000000000-1a2b3c4d</c>.</param>
/// <param name="ParentShardId">The id of the shard this one follows, or <see langword="null"/>.</param>
/// <param name="StartingSequenceNumber">The first sequence number of the shard.</param>
/// <param name="EndingSequenceNumber">The last sequence number, or <see langword="null"/> while the shard is open.</param>
public sealed record StreamShardInfo(string ShardId, string? ParentShardId, string StartingSequenceNumber, string? EndingSequenceNumber)
{
    /// <summary>Gets whether the shard is still open.</summary>
    public bool IsOpen => EndingSequenceNumber is null;
}
