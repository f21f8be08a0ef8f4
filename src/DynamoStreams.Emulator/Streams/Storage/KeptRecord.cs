using System.Text;

namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// One retained record as its shard keeps it: plain values and a slice of the stream's <see cref="RecordArena"/>
/// holding its JSON and partition key. Records are kept for the 24-hour retention, so a record that is an object of
/// its own (with its key string) costs the collector a copy in two collections and a visit in every full one for as
/// long; kept as a value in the shard's chunks it costs nothing of the kind. The <see cref="StreamRecord"/> readers
/// receive is built from it when they read.
/// </summary>
internal readonly struct KeptRecord
{
    private readonly byte[] _buffer;
    private readonly int _offset;
    private readonly int _keyLength;
    private readonly long _createdUtcTicks;

    // Only service writes (TTL deletions) have an event JSON that differs from the GetRecords JSON; they are rare.
    private readonly byte[]? _serviceEventJson;

    private KeptRecord(long counter, Guid eventGuid, string eventName, DateTimeOffset createdAt, long sizeBytes, byte[] buffer, int offset,
        int jsonLength, int keyLength, byte[]? serviceEventJson, StreamTraceContext? traceContext)
    {
        Counter = counter;
        EventGuid = eventGuid;
        EventName = eventName;
        _createdUtcTicks = createdAt.UtcTicks;
        SizeBytes = sizeBytes;
        _buffer = buffer;
        _offset = offset;
        JsonLength = jsonLength;
        _keyLength = keyLength;
        _serviceEventJson = serviceEventJson;
        TraceContext = traceContext;
    }

    public long Counter { get; }

    public Guid EventGuid { get; }

    public string EventName { get; }

    public long SizeBytes { get; }

    public StreamTraceContext? TraceContext { get; }

    public bool IsServiceWrite => _serviceEventJson is not null;

    public int JsonLength { get; }

    public DateTimeOffset CreatedAt => new(_createdUtcTicks, TimeSpan.Zero);

    public bool CreatedAtOrBefore(DateTimeOffset cutoff) => _createdUtcTicks <= cutoff.UtcTicks;

    /// <summary>
    /// Copies a record's JSON and partition key into <paramref name="arena"/> and returns the record as kept.
    /// <paramref name="serviceEventJson"/> is a service write's Lambda-event JSON (it differs in <c>userIdentity</c>),
    /// <see langword="null"/> for any other write.
    /// </summary>
    public static KeptRecord Keep(RecordArena arena, long counter, Guid eventGuid, string eventName, DateTimeOffset createdAt,
        string partitionKey, long sizeBytes, ReadOnlySpan<byte> json, byte[]? serviceEventJson, StreamTraceContext? traceContext)
    {
        var keyLength = Encoding.UTF8.GetByteCount(partitionKey);
        var room = arena.Allocate(json.Length + keyLength, out var buffer, out var offset);
        json.CopyTo(room);
        Encoding.UTF8.GetBytes(partitionKey, room[json.Length..]);
        return new KeptRecord(counter, eventGuid, KnownEventName(eventName), createdAt, sizeBytes, buffer, offset, json.Length, keyLength,
            serviceEventJson, traceContext);
    }

    /// <summary>Builds the record readers receive.</summary>
    public StreamRecord ToRecord(string shardId)
    {
        var json = new ReadOnlyMemory<byte>(_buffer, _offset, JsonLength);
        return new StreamRecord
        {
            Counter = Counter,
            ShardId = shardId,
            EventGuid = EventGuid,
            EventName = EventName,
            ApproximateCreationDateTime = CreatedAt,
            PartitionKey = Encoding.UTF8.GetString(_buffer, _offset + JsonLength, _keyLength),
            SizeBytes = SizeBytes,
            IsServiceWrite = IsServiceWrite,
            Json = json,
            EventJson = _serviceEventJson ?? json,
            TraceContext = TraceContext,
        };
    }

    // The capture writes these literals; a restored record's name is read from disk, and mapping it back keeps one
    // string for all records instead of one per record.
    private static string KnownEventName(string eventName) => eventName switch
    {
        "INSERT" => "INSERT",
        "MODIFY" => "MODIFY",
        "REMOVE" => "REMOVE",
        _ => throw new ArgumentException($"'{eventName}' is not a stream record event name (INSERT, MODIFY or REMOVE).", nameof(eventName)),
    };
}
