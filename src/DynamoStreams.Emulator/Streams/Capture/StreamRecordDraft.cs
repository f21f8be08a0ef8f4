using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Streams.Capture;

/// <summary>
/// Carries one change to publish: the event name, routing key, the keys and the images the stream's view type
/// includes (rendered into the record as it is written, under the stream's lock). The store adds the sequence number
/// and metadata.
/// </summary>
internal sealed class StreamRecordDraft
{
    public required string EventName { get; init; }

    public required string PartitionKey { get; init; }

    public required StreamRecordKeys Keys { get; init; }

    public IReadOnlyDictionary<string, AttributeValue>? NewImage { get; init; }

    public IReadOnlyDictionary<string, AttributeValue>? OldImage { get; init; }

    public required long SizeBytes { get; init; }

    public required bool IsServiceWrite { get; init; }

    public StreamTraceContext? TraceContext { get; init; }
}
