using System.Text;
using DynamoStreams.Emulator.Streams.Capture;

namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// One retained record as its shard keeps it: plain values and a slice of the stream's <see cref="RecordArena"/>
/// holding its JSON and partition key. Records are kept for the 24-hour retention, so a record that is an object of
/// its own (with its key string) costs the collector a copy in two collections and a visit in every full one for as
/// long; kept as a value in the shard's chunks it costs nothing of the kind. The <see cref="StreamRecord"/> readers
/// receive is built from it when they read.
/// A record is first kept <em>deferred</em>: its counter, id and time are fixed in commit order, but its JSON is not
/// rendered yet, and it holds the change's draft (keys and images, immutable once committed) until the stream renders
/// it off the write path (<see cref="EmulatedStream"/>).
/// </summary>
internal readonly struct KeptRecord
{
    private readonly byte[] _buffer;
    private readonly int _offset;
    private readonly int _keyLength;
    private readonly long _createdUtcTicks;

    // Only service writes (TTL deletions) have an event JSON that differs from the GetRecords JSON; they are rare.
    private readonly byte[]? _serviceEventJson;

    private KeptRecord(long counter, Guid eventGuid, string eventName, DateTimeOffset createdAt, StreamRecordDraft draft)
    {
        Counter = counter;
        EventGuid = eventGuid;
        EventName = eventName;
        _createdUtcTicks = createdAt.UtcTicks;
        SizeBytes = draft.SizeBytes;
        _buffer = [];
        TraceContext = draft.TraceContext;
        Deferred = draft;
    }

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

    /// <summary>Gets the change a deferred record is still to be rendered from, or <see langword="null"/> once it is rendered.</summary>
    public StreamRecordDraft? Deferred { get; }

    public bool IsDeferred => Deferred is not null;

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

    /// <summary>Keeps a record whose counter, id and time are fixed but whose JSON is rendered later from <paramref name="draft"/>.</summary>
    public static KeptRecord Defer(long counter, Guid eventGuid, DateTimeOffset createdAt, StreamRecordDraft draft) =>
        new(counter, eventGuid, KnownEventName(draft.EventName), createdAt, draft);

    /// <summary>Builds the record readers receive; a deferred record must be rendered first.</summary>
    public StreamRecord ToRecord(string shardId)
    {
        if (IsDeferred)
        {
            throw new InvalidOperationException($"Record {Counter} of shard {shardId} is not rendered yet; the stream renders deferred records before a read.");
        }

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
