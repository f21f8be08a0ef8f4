namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// A record just appended, as its shard keeps it. The capture drops it; only a caller that needs the readers' form
/// (the journal, tests) pays for building it.
/// </summary>
internal readonly record struct AppendedRecord(string ShardId, KeptRecord Kept)
{
    /// <summary>Builds the record readers receive.</summary>
    public StreamRecord ToRecord() => Kept.ToRecord(ShardId);
}
