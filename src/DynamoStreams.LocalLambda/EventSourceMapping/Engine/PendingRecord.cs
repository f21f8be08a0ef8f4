using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Holds a record between reading and checkpointing: the source record, its delivered JSON and its place in the shard.</summary>
internal sealed class PendingRecord(StreamRecord record, byte[] deliveredJson, long ordinal)
{
    public StreamRecord Record { get; } = record;

    /// <summary>Gets the record as delivered to the function (with <c>eventSourceARN</c>).</summary>
    public byte[] DeliveredJson { get; } = deliveredJson;

    /// <summary>Gets the record's position in the shard's <see cref="CheckpointTracker"/>.</summary>
    public long Ordinal { get; } = ordinal;

    public string SequenceNumber => Record.SequenceNumber;
}
