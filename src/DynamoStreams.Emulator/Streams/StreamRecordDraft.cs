namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Carries one change to publish: the event name, routing key and pre-rendered DynamoDB JSON of the keys and
/// the images the stream's view type includes. The store adds the sequence number and metadata.
/// </summary>
internal sealed class StreamRecordDraft
{
    public required string EventName { get; init; }

    public required string PartitionKey { get; init; }

    public required byte[] KeysJson { get; init; }

    public byte[]? NewImageJson { get; init; }

    public byte[]? OldImageJson { get; init; }

    public required long SizeBytes { get; init; }

    public required bool IsServiceWrite { get; init; }

    public StreamTraceContext? TraceContext { get; init; }
}
