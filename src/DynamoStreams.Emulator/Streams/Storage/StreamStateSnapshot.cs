namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Captures a stream's identity, status and shard layout (without records), for persistence.
/// </summary>
internal sealed record StreamStateSnapshot(StreamIdentity Identity, bool Enabled, DateTimeOffset? DisabledAt, IReadOnlyList<StreamShardState> Shards);

/// <summary>
/// Captures one shard's layout, for persistence.
/// </summary>
internal sealed record StreamShardState(string ShardId, string? ParentShardId, int Slot, long StartCounter, DateTimeOffset CreatedAt,
    long? EndCounter, DateTimeOffset? ClosedAt);
