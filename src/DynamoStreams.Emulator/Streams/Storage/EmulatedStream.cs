using System.Buffers;
using System.Globalization;
using DynamoStreams.Emulator.Streams.Capture;

namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Holds one stream: its identity, its shards (one open shard per slot, closed parents kept for the retention
/// period), routing by partition key, rollover, and the rendering of deferred records. Every member takes the
/// stream's lock.
/// </summary>
/// <remarks>
/// A write appends its record deferred: counter, id and time fixed in commit order, the JSON not yet rendered. Rendering
/// (both images as DynamoDB JSON) was most of capture's cost, and it ran on the write path under the table's lock; now a
/// thread-pool thread renders them in bulk once a shard holds a few hundred, and a read renders whatever is still
/// deferred in the shard it reads before it reads, so every reader sees rendered records exactly as before. A stream
/// nobody reads thus holds at most a few hundred changes' drafts beyond its rendered records. With a journal (persistence)
/// the record is rendered at once, since the journal logs it before the write is acknowledged.
/// </remarks>
internal sealed class EmulatedStream
{
    private readonly Lock _gate = new();
    private readonly List<StreamShard> _shards = [];
    private readonly StreamShard?[] _open;
    private readonly StreamsOptions _options;
    private readonly Func<long> _nextCounter;
    private readonly Func<IStreamJournal?> _journal;
    // Records rendered per lock hold by the background renderer; the backlog in a shard at which a write wakes the
    // renderer (waking a pool thread per record cost more CPU than the render it moved: 30 µs against 12 µs per put
    // over HTTP); and the backlog past which writers render too.
    private const int RenderBatch = 32;
    private const int RenderFromDeferred = 256;
    private const int MaxDeferredPerShard = 1024;

    private readonly RecordArena _arena = new();
    private bool _renderScheduled;
    private TaskCompletionSource? _allRendered;
    private TaskCompletionSource _shapeChanged = NewSignal();

    public EmulatedStream(StreamIdentity identity, StreamsOptions options, Func<long> nextCounter, Func<IStreamJournal?> journal)
    {
        Identity = identity;
        _options = options;
        _nextCounter = nextCounter;
        _journal = journal;
        _open = new StreamShard?[options.ShardsPerStream];
    }

    public StreamIdentity Identity { get; }

    public string Arn => Identity.StreamArn;

    public bool IsEnabled { get; private set; } = true;

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Opens the initial shards; called once after construction (or replaced by a restore).</summary>
    public void OpenInitialShards(DateTimeOffset now)
    {
        lock (_gate)
        {
            for (var slot = 0; slot < _open.Length; slot++)
            {
                OpenShard(slot, null, now);
            }
        }
    }

    /// <summary>
    /// Appends a record for <paramref name="draft"/> to the shard its partition key routes to. The record's counter, id
    /// and time are fixed here, in commit order; its JSON is rendered off the write path (see <see cref="RenderInBackground"/>),
    /// or here when a journal must log it before the write is acknowledged.
    /// </summary>
    public AppendedRecord Append(StreamRecordDraft draft, DateTimeOffset now)
    {
        lock (_gate)
        {
            RollIfDue(now);
            var slot = _open.Length == 1 ? 0 : (int)(StableHash(draft.PartitionKey) % (uint)_open.Length);
            var shard = _open[slot] ?? throw new InvalidOperationException($"Stream {Arn} is disabled; no record can be appended.");
            var counter = shard.StartUsed ? _nextCounter() : shard.StartCounter;
            var deferred = KeptRecord.Defer(counter, NewEventId(), now, draft);
            KeptRecord kept;
            if (_journal() is { } journal)
            {
                RenderDeferred(shard, shard.DeferredCount);
                kept = Render(deferred);
                shard.Append(kept);
                journal.RecordAppended(Arn, kept.ToRecord(shard.ShardId));
            }
            else
            {
                if (shard.DeferredCount >= MaxDeferredPerShard)
                {
                    // The background renderer fell behind (no spare core): each write renders two, so the backlog shrinks.
                    RenderDeferred(shard, 2);
                }

                kept = deferred;
                shard.Append(kept);
                if (shard.DeferredCount >= RenderFromDeferred)
                {
                    ScheduleRender();
                }
            }

            if (_options.RolloverAfterRecords is { } limit && shard.AppendedCount >= limit)
            {
                RollOver(shard, now);
            }

            return new AppendedRecord(shard.ShardId, kept);
        }
    }

    public void Disable(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!IsEnabled)
            {
                return;
            }

            IsEnabled = false;
            DisabledAt = now;
            for (var slot = 0; slot < _open.Length; slot++)
            {
                _open[slot]?.Close(now);
                _open[slot] = null;
            }

            SignalShape();
        }
    }

    /// <summary>Captures the status and shard layout for persistence.</summary>
    public StreamStateSnapshot ExportState()
    {
        lock (_gate)
        {
            return new StreamStateSnapshot(Identity, IsEnabled, DisabledAt, [.. _shards.Select(s => s.ToState())]);
        }
    }

    /// <summary>Returns the retained records of every shard, for a snapshot.</summary>
    public List<StreamRecord> ExportRecords()
    {
        lock (_gate)
        {
            foreach (var shard in _shards)
            {
                RenderDeferred(shard, shard.DeferredCount);
            }

            return [.. _shards.SelectMany(s => s.ExportRecords())];
        }
    }

    /// <summary>Replaces the status and shard layout with a persisted one, keeping records of shards that remain.</summary>
    public void RestoreState(StreamStateSnapshot state)
    {
        lock (_gate)
        {
            IsEnabled = state.Enabled;
            DisabledAt = state.DisabledAt;
            var existing = _shards.ToDictionary(s => s.ShardId, StringComparer.Ordinal);
            _shards.Clear();
            Array.Clear(_open);
            foreach (var shardState in state.Shards)
            {
                var shard = existing.GetValueOrDefault(shardState.ShardId)
                    ?? new StreamShard(shardState.ShardId, shardState.ParentShardId, shardState.Slot, shardState.StartCounter, shardState.CreatedAt);
                if (shardState.EndCounter is { } end)
                {
                    shard.RestoreClosed(end, shardState.ClosedAt ?? shardState.CreatedAt);
                }
                else if (shardState.Slot < _open.Length)
                {
                    _open[shardState.Slot] = shard;
                }

                _shards.Add(shard);
            }
        }
    }

    /// <summary>Adds a persisted record to its shard unless the shard already holds it (replay is idempotent).</summary>
    public void RestoreRecord(StreamRecord record)
    {
        lock (_gate)
        {
            var shard = _shards.Find(s => s.ShardId == record.ShardId);
            if (shard is not null && (shard.AppendedCount == 0 || record.Counter > shard.LastCounter))
            {
                RenderDeferred(shard, shard.DeferredCount);
                shard.Append(KeptRecord.Keep(_arena, record.Counter, record.EventGuid, record.EventName, record.ApproximateCreationDateTime,
                    record.PartitionKey, record.SizeBytes, record.Json.Span, record.IsServiceWrite ? record.EventJson.ToArray() : null,
                    record.TraceContext));
            }
        }
    }

    public StreamInfo Describe(DateTimeOffset now)
    {
        lock (_gate)
        {
            Maintain(now);
            return new StreamInfo(Arn, Identity.StreamLabel, IsEnabled ? "ENABLED" : "DISABLED", Identity.ViewType, Identity.TableName,
                Identity.Region, Identity.HashKeyName, Identity.RangeKeyName, Identity.CreatedAt,
                [.. _shards.Select(Describe)]);
        }
    }

    /// <summary>Runs <paramref name="action"/> on a shard under the stream's lock, after trimming and rollover.</summary>
    public T WithShard<T>(string shardId, DateTimeOffset now, Func<StreamShard, T> action)
    {
        lock (_gate)
        {
            Maintain(now);
            var shard = _shards.Find(s => s.ShardId == shardId) ?? throw StreamsException.ShardNotFound(shardId, Arn);
            RenderDeferred(shard, shard.DeferredCount);
            return action(shard);
        }
    }

    /// <summary>
    /// Starts the background renderer now, whatever the backlog, and completes once it has rendered every record
    /// appended so far (for tests and benchmarks).
    /// </summary>
    public Task RenderedAsync()
    {
        lock (_gate)
        {
            if (_shards.TrueForAll(s => s.DeferredCount == 0))
            {
                return Task.CompletedTask;
            }

            var rendered = (_allRendered ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            ScheduleRender();
            return rendered;
        }
    }

    public Task WaitForShapeChangeAsync()
    {
        lock (_gate)
        {
            return _shapeChanged.Task;
        }
    }

    /// <summary>Closes open shards whose age passed <see cref="StreamsOptions.RolloverAfter"/>; returns the next due time.</summary>
    public DateTimeOffset? RollIfDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_options.RolloverAfter is not { } age)
            {
                return null;
            }

            DateTimeOffset? next = null;
            foreach (var shard in _open.ToArray())
            {
                if (shard is null)
                {
                    continue;
                }

                var due = shard.CreatedAt + age;
                if (due <= now)
                {
                    RollOver(shard, now);
                    due = now + age;
                }

                next = next is null || due < next ? due : next;
            }

            return next;
        }
    }

    /// <summary>
    /// Renders deferred records on a thread-pool thread until none is left: a batch at a time is copied out under the
    /// lock, rendered outside it (so writers, which hold their table's lock while they append, never wait for a
    /// render), and put back under the lock unless a reader rendered it meanwhile.
    /// </summary>
    private void RenderInBackground()
    {
        var batch = new List<(StreamShard Shard, KeptRecord Record)>(RenderBatch);
        var rendered = new List<(int Offset, int Length, byte[]? ServiceEventJson)>(RenderBatch);
        var scratch = new ArrayBufferWriter<byte>(RenderBatch * 1024);
        try
        {
            while (true)
            {
                batch.Clear();
                lock (_gate)
                {
                    foreach (var shard in _shards)
                    {
                        for (var k = 0; k < shard.DeferredCount && batch.Count < RenderBatch; k++)
                        {
                            batch.Add((shard, shard.DeferredAt(k)));
                        }
                    }

                    if (batch.Count == 0)
                    {
                        _renderScheduled = false;
                        _allRendered?.TrySetResult();
                        _allRendered = null;
                        return;
                    }
                }

                rendered.Clear();
                scratch.ResetWrittenCount();
                foreach (var (_, record) in batch)
                {
                    var json = RenderJson(record, out var serviceEventJson);
                    rendered.Add((scratch.WrittenCount, json.Length, serviceEventJson));
                    scratch.Write(json);
                }

                lock (_gate)
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var (shard, record) = batch[i];
                        if (shard.DeferredCount > 0 && shard.OldestDeferred.Counter == record.Counter)
                        {
                            var (offset, length, serviceEventJson) = rendered[i];
                            shard.CompleteOldestDeferred(Keep(record, scratch.WrittenSpan.Slice(offset, length), serviceEventJson));
                        }
                    }
                }
            }
        }
        catch (Exception exception)
        {
            // A record that cannot be rendered stays deferred: the read that reaches it renders it on the reader's own
            // thread and reports the failure there, instead of the exception ending the process from the pool.
            lock (_gate)
            {
                _renderScheduled = false;
                _allRendered?.TrySetException(exception);
                _allRendered = null;
            }
        }
    }

    private void ScheduleRender()
    {
        if (!_renderScheduled)
        {
            _renderScheduled = true;
            ThreadPool.UnsafeQueueUserWorkItem(static stream => stream.RenderInBackground(), this, preferLocal: false);
        }
    }

    /// <summary>Renders up to <paramref name="count"/> of a shard's deferred records, oldest first, under the lock.</summary>
    private void RenderDeferred(StreamShard shard, int count)
    {
        for (var i = 0; i < count && shard.DeferredCount > 0; i++)
        {
            shard.CompleteOldestDeferred(Render(shard.OldestDeferred));
        }
    }

    private KeptRecord Render(in KeptRecord deferred)
    {
        var json = RenderJson(deferred, out var serviceEventJson);
        return Keep(deferred, json, serviceEventJson);
    }

    /// <summary>
    /// Renders a deferred record's GetRecords JSON (valid until the thread's next render) and, for a service write, its
    /// Lambda-event JSON into <paramref name="serviceEventJson"/> (it differs in <c>userIdentity</c>'s casing).
    /// </summary>
    private ReadOnlySpan<byte> RenderJson(in KeptRecord deferred, out byte[]? serviceEventJson)
    {
        var draft = deferred.Deferred ?? throw new InvalidOperationException($"Record {deferred.Counter} is already rendered.");
        // The service form first: both renders use the thread's one buffer, and the caller copies the second out of it.
        serviceEventJson = draft.IsServiceWrite
            ? StreamRecordJson.Render(draft, deferred.EventGuid, Identity.Region, deferred.Counter, Identity.ViewType, deferred.CreatedAt, lambdaIdentityCasing: true).ToArray()
            : null;
        return StreamRecordJson.Render(draft, deferred.EventGuid, Identity.Region, deferred.Counter, Identity.ViewType, deferred.CreatedAt, lambdaIdentityCasing: false);
    }

    private KeptRecord Keep(in KeptRecord deferred, ReadOnlySpan<byte> json, byte[]? serviceEventJson)
    {
        var draft = deferred.Deferred!;
        return KeptRecord.Keep(_arena, deferred.Counter, deferred.EventGuid, deferred.EventName, deferred.CreatedAt, draft.PartitionKey,
            deferred.SizeBytes, json, serviceEventJson, deferred.TraceContext);
    }

    private void Maintain(DateTimeOffset now)
    {
        RollIfDue(now);
        var cutoff = now - _options.RetentionPeriod;
        foreach (var shard in _shards)
        {
            shard.Trim(cutoff);
        }

        _shards.RemoveAll(s => s.ClosedAt is { } closedAt && closedAt <= cutoff);
    }

    private void RollOver(StreamShard shard, DateTimeOffset now)
    {
        shard.Close(now);
        OpenShard(shard.Slot, shard.ShardId, now);
    }

    private void OpenShard(int slot, string? parentShardId, DateTimeOffset now)
    {
        var suffix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray(), 0, 4);
        var shardId = string.Create(CultureInfo.InvariantCulture, $"shardId-{now.ToUnixTimeMilliseconds():D20}-{suffix}");
        var shard = new StreamShard(shardId, parentShardId, slot, _nextCounter(), now);
        _shards.Add(shard);
        _open[slot] = shard;
        SignalShape();
    }

    private static StreamShardInfo Describe(StreamShard shard) => new(
        shard.ShardId,
        shard.ParentShardId,
        StreamSequenceNumber.FromCounter(shard.StartCounter).ToString(),
        shard.EndCounter is { } end ? StreamSequenceNumber.FromCounter(end).ToString() : null);

    /// <summary>
    /// Returns a new record id: 128 random bits (printed as the 32 hex digits of <c>eventID</c>). The ids need to be
    /// unique, not unpredictable, and <see cref="Guid.NewGuid"/> asks the kernel for secure random bytes on every call
    /// (1.5 µs here, a quarter of capture's cost per put).
    /// </summary>
    private static Guid NewEventId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Hashes a partition key with FNV-1a: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint StableHash(string partitionKey)
    {
        var hash = 2166136261u;
        foreach (var c in partitionKey)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private void JournalShape()
    {
        if (_journal() is { } journal)
        {
            journal.StreamChanged(new StreamStateSnapshot(Identity, IsEnabled, DisabledAt, [.. _shards.Select(s => s.ToState())]));
        }
    }

    private void SignalShape()
    {
        JournalShape();
        var previous = _shapeChanged;
        _shapeChanged = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
