namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// A record just appended, as its shard keeps it (usually deferred: not rendered yet). The capture drops it; tests read
/// the record back through the store by its shard and counter.
/// </summary>
internal readonly record struct AppendedRecord(string ShardId, KeptRecord Kept);
