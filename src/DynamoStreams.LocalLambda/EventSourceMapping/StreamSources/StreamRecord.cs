using System.Diagnostics;

namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>Holds one stream record as the engine needs it.</summary>
public sealed class StreamRecord
{
    /// <summary>Gets the record's sequence number (digits, compared numerically).</summary>
    public required string SequenceNumber { get; init; }

    /// <summary>Gets <c>ApproximateCreationDateTime</c>.</summary>
    public required DateTimeOffset ApproximateCreationDateTime { get; init; }

    /// <summary>Gets <c>eventName</c>: INSERT, MODIFY or REMOVE.</summary>
    public required string EventName { get; init; }

    /// <summary>Gets a stable text form of the item's partition key value (used to spread records over lanes).</summary>
    public required string PartitionKey { get; init; }

    /// <summary>Gets <c>SizeBytes</c>.</summary>
    public int SizeBytes { get; init; }

    /// <summary>Gets the record's JSON exactly as GetRecords returns it (a JSON object without <c>eventSourceARN</c>).</summary>
    public required ReadOnlyMemory<byte> Json { get; init; }

    /// <summary>Gets the trace context of the write that produced the record; default when unknown.</summary>
    public ActivityContext WriterContext { get; init; }
}
