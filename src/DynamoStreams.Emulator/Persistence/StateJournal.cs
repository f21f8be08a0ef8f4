using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.DynamoDb.Ttl;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;
using DynamoStreams.Emulator.Streams;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Turns every state change (tables, items, stream shapes and records, TTL settings, queues, durable keys) into a
/// log entry and appends it to the write-ahead log. A request that logged something is answered only once its
/// entries are on disk: the journal holds the response (<c>OnStarting</c>) until the group commit covers them.
/// The entries of an atomic write (<see cref="AtomicWrite"/>: an item with its stream record, a transaction, a move to
/// a dead-letter queue) are collected and appended as one frame when that write ends, so recovery keeps all of them
/// or none. Inactive (every call a no-op) when the emulator runs without a data directory.
/// </summary>
internal sealed class StateJournal : IStreamJournal, ISqsJournal
{
    private static readonly object s_barrierKey = new();
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;
    private readonly CurrentRequest _httpContext;
    private readonly ThreadLocal<WriteUnit> _unit = new(() => new WriteUnit());
    private readonly Action _completeUnit;
    private WriteAheadLog? _wal;

    public StateJournal(CurrentRequest httpContext)
    {
        _httpContext = httpContext;
        _completeUnit = CompleteUnit;
    }

    public static JsonSerializerOptions SerializerOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool IsActive => _wal is not null;

    public void Activate(WriteAheadLog wal) => _wal = wal;

    public Task WaitDurableAsync(long lsn) => _wal is { } wal && lsn > 0 ? wal.WaitDurableAsync(lsn) : Task.CompletedTask;

    /// <summary>Waits until everything appended so far is durable (for in-process callers without a request).</summary>
    public Task WaitAllDurableAsync() => _wal is { } wal ? wal.WaitDurableAsync(wal.AppendedLsn) : Task.CompletedTask;

    public long TableChanged(TableDefinition definition, IReadOnlyDictionary<string, string> tags) =>
        Append(w => StateEntries.WriteTable(w, definition, tags));

    public long TableDeleted(string region, string name) => Append(w => StateEntries.WriteName(w, EntryTypes.TableDeleted, region, name));

    public long ItemPut(string region, string table, IReadOnlyDictionary<string, AttributeValue> item) =>
        Append(w => StateEntries.WriteItem(w, EntryTypes.Item, region, table, item));

    public long ItemDeleted(string region, string table, IReadOnlyDictionary<string, AttributeValue> key) =>
        Append(w => StateEntries.WriteItem(w, EntryTypes.ItemDeleted, region, table, key));

    public long TtlChanged(TtlSetting? setting, (string Region, string Table) table) => setting is null
        ? Append(w => StateEntries.WriteName(w, EntryTypes.TtlDeleted, table.Region, table.Table))
        : Append(w => StateEntries.WriteTyped(w, EntryTypes.Ttl, setting));

    public long KeyValueSet(string key, string value) => Append(w => StateEntries.WriteKeyValue(w, key, value));

    public long KeyValueDeleted(string key) => Append(w => StateEntries.WriteKeyValue(w, key, null));

    public void StreamChanged(StreamStateSnapshot state) => Append(w => StateEntries.WriteTyped(w, EntryTypes.Stream, state));

    public void RecordAppended(string streamArn, StreamRecord record) => Append(w => StateEntries.WriteRecord(w, streamArn, record));

    public void QueueChanged(SqsQueueState state) => Append(w => StateEntries.WriteTyped(w, EntryTypes.Queue, state));

    public void QueueUpdated(SqsQueueState state) => Append(w => StateEntries.WriteTyped(w, EntryTypes.QueueMeta, state));

    public void MessageStored(SqsMessageEntry entry) => Append(w => StateEntries.WriteTyped(w, EntryTypes.QueueMessage, entry));

    public void MessageDeleted(SqsMessageDeletion deletion) => Append(w => StateEntries.WriteTyped(w, EntryTypes.QueueMessageDeleted, deletion));

    public void QueuePurged(SqsQueuePurge purge) => Append(w => StateEntries.WriteTyped(w, EntryTypes.QueuePurged, purge));

    public void QueueDeleted(string region, string name) => Append(w => StateEntries.WriteName(w, EntryTypes.QueueDeleted, region, name));

    private long Append(Action<Utf8JsonWriter> write)
    {
        if (_wal is not { } wal)
        {
            return 0;
        }

        // Entries are built on the calling thread and copied into the log at once, so one buffer and writer per
        // thread serve every entry.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, s_writerOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer);
        writer.Flush();
        if (AtomicWrite.IsOpen)
        {
            // Logged as one frame when the write completes; nothing waits on an entry inside a unit by itself.
            var unit = _unit.Value!;
            if (unit.IsEmpty)
            {
                AtomicWrite.OnEnd(_completeUnit);
            }

            unit.Add(buffer.WrittenSpan);
            return 0;
        }

        var lsn = wal.Append(buffer.WrittenSpan);
        HoldResponseUntilDurable(wal, lsn);
        return lsn;
    }

    private void CompleteUnit()
    {
        var unit = _unit.Value!;
        try
        {
            if (_wal is { } wal && !unit.IsEmpty)
            {
                HoldResponseUntilDurable(wal, wal.Append(unit.Complete()));
            }
        }
        finally
        {
            unit.Clear();
        }
    }

    /// <summary>Makes the current request's response wait for this entry's group commit (once per request).</summary>
    private void HoldResponseUntilDurable(WriteAheadLog wal, long lsn)
    {
        var context = _httpContext.HttpContext;
        if (context is null)
        {
            return;
        }

        if (context.Items.TryGetValue(s_barrierKey, out var existing) && existing is StrongBox<long> box)
        {
            box.Value = lsn;
            return;
        }

        var newest = new StrongBox<long>(lsn);
        context.Items[s_barrierKey] = newest;
        if (!context.Response.HasStarted)
        {
            context.Response.OnStarting(() => wal.WaitDurableAsync(newest.Value));
        }
    }
}
