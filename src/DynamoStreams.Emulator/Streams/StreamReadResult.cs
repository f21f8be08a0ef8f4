namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Returns the records of one read of a shard and where to continue.
/// </summary>
/// <param name="Records">The records, in sequence order.</param>
/// <param name="Next">The position to read from next (after the last returned record, or unchanged when none).</param>
/// <param name="ShardClosed">Whether the shard is closed (no record will be added).</param>
/// <param name="ShardDrained">Whether the shard is closed and no record remains after <paramref name="Next"/>: move on to its children.</param>
public sealed record StreamReadResult(IReadOnlyList<StreamRecord> Records, StreamPosition Next, bool ShardClosed, bool ShardDrained);
