namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Represents one stream record: its metadata for routing and ordering, and its JSON exactly as
/// <c>GetRecords</c> returns it.
/// </summary>
/// <remarks>
/// A shard does not keep these objects: it keeps each record as plain values with its JSON in buffers shared by many
/// records, and builds a <see cref="StreamRecord"/> when a reader asks for it (issue 18: capture's cost was the
/// garbage collector's work on records kept for the 24-hour retention). Its sequence number and event id are rendered
/// as text only when asked.
/// </remarks>
public sealed class StreamRecord
{
    private string? _sequenceNumber;
    private string? _eventId;

    // Only the emulator creates records (its sequence numbers come from its own counter); readers receive them.
    internal StreamRecord()
    {
    }

    /// <summary>Gets the sequence number as DynamoDB Streams writes it (21 digits).</summary>
    public string SequenceNumber =>
        _sequenceNumber ??= string.Create(StreamSequenceNumber.CounterTextLength, Counter, static (text, counter) => StreamSequenceNumber.FormatCounter(counter, text));

    /// <summary>Gets the sequence number for numeric comparison.</summary>
    public StreamSequenceNumber Sequence => StreamSequenceNumber.FromCounter(Counter);

    /// <summary>Gets the id of the shard holding the record.</summary>
    public required string ShardId { get; init; }

    /// <summary>Gets the record's <c>eventID</c> (32 hex digits).</summary>
    public string EventId => _eventId ??= EventGuid.ToString("N");

    /// <summary>Gets <c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>Gets when the record was written, with millisecond precision (the JSON carries whole seconds, as AWS's does).</summary>
    public required DateTimeOffset ApproximateCreationDateTime { get; init; }

    /// <summary>Gets the item's partition key value in canonical text form (S as is, N normalised, B as base64), for parallelization lanes.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>Gets the record's <c>SizeBytes</c>: the size of its keys and images.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets whether the service made the write (a TTL deletion); such records carry <c>userIdentity</c>.</summary>
    public required bool IsServiceWrite { get; init; }

    /// <summary>
    /// Gets the record's UTF-8 JSON as <c>GetRecords</c> returns it: <c>eventID</c>, <c>eventName</c>,
    /// <c>eventVersion</c>, <c>eventSource</c>, <c>awsRegion</c>, <c>dynamodb</c> and, for service writes,
    /// <c>userIdentity</c> with the wire model's <c>PrincipalId</c>/<c>Type</c> members.
    /// </summary>
    public required ReadOnlyMemory<byte> Json { get; init; }

    /// <summary>
    /// Gets the record's UTF-8 JSON as a Lambda event carries it: the same as <see cref="Json"/>, except that
    /// <c>userIdentity</c> uses <c>type</c>/<c>principalId</c> as Lambda's events do. Add <c>eventSourceARN</c> when splicing.
    /// </summary>
    public required ReadOnlyMemory<byte> EventJson { get; init; }

    /// <summary>Gets the trace context of the write that produced the record, or <see langword="null"/>.</summary>
    public StreamTraceContext? TraceContext { get; init; }

    /// <summary>Gets the emulator's counter behind <see cref="Sequence"/>.</summary>
    internal long Counter { get; init; }

    /// <summary>Gets the value <see cref="EventId"/> is the text of.</summary>
    internal Guid EventGuid { get; init; }
}
