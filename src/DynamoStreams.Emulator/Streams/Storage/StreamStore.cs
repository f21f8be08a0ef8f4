using DynamoStreams.Emulator.Streams.Capture;

namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Holds every stream of the emulator and implements the in-process stream API. The capture of table writes
/// appends here; the Streams HTTP operations and the local event-source mapping read from here.
/// </summary>
internal sealed class StreamStore : IEmulatorStreams, IDisposable
{
    /// <summary>The largest response <c>GetRecords</c> returns, in bytes of record JSON (1 MB).</summary>
    internal const int MaxReadBytes = 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmulatedStream> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITimer> _rolloverTimers = new(StringComparer.Ordinal);
    private long _counter;
    private IStreamJournal? _journal;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">The shard layout and lifetimes.</param>
    /// <param name="timeProvider">The clock for record times, retention, rollover and iterator expiry.</param>
    public StreamStore(StreamsOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        Options = options;
        TimeProvider = timeProvider;
    }

    /// <summary>Gets the shard layout and lifetimes.</summary>
    public StreamsOptions Options { get; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider TimeProvider { get; }

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <inheritdoc/>
    public StreamInfo DescribeStream(string streamArn) => Get(streamArn).Describe(Now);

    /// <inheritdoc/>
    public IReadOnlyList<StreamInfo> ListStreams(string region, string tableName)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(tableName);
        var now = Now;
        return [.. List(region, tableName).Select(s => s.Describe(now))];
    }

    /// <inheritdoc/>
    public StreamReadResult ReadRecords(string streamArn, string shardId, StreamPosition position, int maxRecords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRecords, 10_000);
        var stream = Get(streamArn);
        return stream.WithShard(shardId, Now, shard =>
        {
            var after = ResolvePosition(stream, shard, position);
            var (records, last, closed, drained) = ReadLocked(shard, after, maxRecords, int.MaxValue);
            return new StreamReadResult(records, StreamPosition.After(StreamSequenceNumber.FromCounter(last).ToString()), closed, drained);
        });
    }

    /// <inheritdoc/>
    public async Task WaitForRecordsAsync(string streamArn, string shardId, string? afterSequenceNumber, CancellationToken cancellationToken)
    {
        var stream = Get(streamArn);
        var after = afterSequenceNumber is null ? long.MinValue : ToCounter(afterSequenceNumber);
        while (true)
        {
            var changed = stream.WithShard(shardId, Now, shard =>
                shard.HasRecordAfter(after) || !shard.IsOpen ? null : shard.WaitForChangeAsync());
            if (changed is null)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task WaitForShardChangeAsync(string streamArn, CancellationToken cancellationToken) =>
        Get(streamArn).WaitForShapeChangeAsync().WaitAsync(cancellationToken);

    /// <summary>Stops the rollover timers.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var timer in _rolloverTimers.Values)
            {
                timer.Dispose();
            }

            _rolloverTimers.Clear();
        }
    }

    internal EmulatedStream CreateStream(StreamIdentity identity)
    {
        var stream = new EmulatedStream(identity, Options, NextCounter, () => _journal);
        stream.OpenInitialShards(identity.CreatedAt);
        lock (_gate)
        {
            _streams[identity.StreamArn] = stream;
            if (Options.RolloverAfter is { } age)
            {
                var timer = TimeProvider.CreateTimer(_ => RollOnTimer(stream), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _rolloverTimers[identity.StreamArn] = timer;
                timer.Change(age, Timeout.InfiniteTimeSpan);
            }
        }

        return stream;
    }

    /// <summary>Sets the journal that logs every change (persistence).</summary>
    internal void SetJournal(IStreamJournal? journal) => _journal = journal;

    /// <summary>Lists every stream, expired or not (for snapshots).</summary>
    internal IReadOnlyList<EmulatedStream> ListAll()
    {
        lock (_gate)
        {
            return [.. _streams.Values];
        }
    }

    /// <summary>Creates or reshapes a stream from persisted state, without opening new shards.</summary>
    internal EmulatedStream RestoreStream(StreamStateSnapshot state)
    {
        EmulatedStream? stream;
        lock (_gate)
        {
            if (!_streams.TryGetValue(state.Identity.StreamArn, out stream))
            {
                stream = new EmulatedStream(state.Identity, Options, NextCounter, () => _journal);
                _streams[state.Identity.StreamArn] = stream;
            }

            foreach (var shard in state.Shards)
            {
                RaiseCounter(Math.Max(shard.StartCounter, shard.EndCounter ?? 0));
            }
        }

        stream.RestoreState(state);
        lock (_gate)
        {
            if (state.Enabled && Options.RolloverAfter is { } age && !_rolloverTimers.ContainsKey(state.Identity.StreamArn))
            {
                var timer = TimeProvider.CreateTimer(_ => RollOnTimer(stream), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _rolloverTimers[state.Identity.StreamArn] = timer;
                timer.Change(age, Timeout.InfiniteTimeSpan);
            }
        }

        return stream;
    }

    /// <summary>Adds a persisted record to its stream.</summary>
    internal void RestoreRecord(string streamArn, StreamRecord record)
    {
        EmulatedStream? stream;
        lock (_gate)
        {
            _streams.TryGetValue(streamArn, out stream);
            RaiseCounter(record.Counter);
        }

        stream?.RestoreRecord(record);
    }

    private void RaiseCounter(long seen)
    {
        long current;
        while ((current = Interlocked.Read(ref _counter)) < seen && Interlocked.CompareExchange(ref _counter, seen, current) != current)
        {
        }
    }

    internal void DisableStream(string streamArn)
    {
        EmulatedStream? stream;
        lock (_gate)
        {
            _streams.TryGetValue(streamArn, out stream);
            if (_rolloverTimers.Remove(streamArn, out var timer))
            {
                timer.Dispose();
            }
        }

        stream?.Disable(Now);
    }

    /// <summary>Appends a record to the stream if it is enabled; returns it, or <see langword="null"/> when the stream is gone or disabled.</summary>
    internal AppendedRecord? Append(string streamArn, StreamRecordDraft draft)
    {
        EmulatedStream? stream;
        lock (_gate)
        {
            _streams.TryGetValue(streamArn, out stream);
        }

        return stream is { IsEnabled: true } ? stream.Append(draft, Now) : null;
    }

    internal EmulatedStream Get(string streamArn)
    {
        ArgumentNullException.ThrowIfNull(streamArn);
        lock (_gate)
        {
            if (_streams.TryGetValue(streamArn, out var stream) && !IsExpired(stream))
            {
                return stream;
            }
        }

        throw StreamsException.StreamNotFound(streamArn);
    }

    /// <summary>Lists the retained streams of a region (and table), oldest first.</summary>
    internal IReadOnlyList<EmulatedStream> List(string region, string? tableName)
    {
        lock (_gate)
        {
            return [.. _streams.Values
                .Where(s => s.Identity.Region == region && (tableName is null || s.Identity.TableName == tableName) && !IsExpired(s))
                .OrderBy(s => s.Identity.CreatedAt)
                .ThenBy(s => s.Arn, StringComparer.Ordinal)];
        }
    }

    /// <summary>Turns a position into the counter after which reading starts; checks trimming and range.</summary>
    internal static long ResolvePosition(EmulatedStream stream, StreamShard shard, StreamPosition position)
    {
        switch (position.Kind)
        {
            case StreamPositionKind.TrimHorizon:
                return Math.Max(shard.TrimmedThrough, shard.StartCounter - 1);
            case StreamPositionKind.Latest:
                return shard.LastCounter;
            default:
                var counter = ToCounter(position.SequenceNumber ?? throw StreamsException.Validation(
                    "SequenceNumber is required when ShardIteratorType is AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER"));
                if (counter <= shard.TrimmedThrough && counter >= shard.StartCounter)
                {
                    throw StreamsException.Trimmed(
                        $"Attempted to access data beyond the trimmed horizon: sequence number {position.SequenceNumber} of shard {shard.ShardId} in stream {stream.Arn} is older than the retention period.");
                }

                // The position just before the shard's first record is what a read of an empty shard hands back as its
                // next position (from TRIM_HORIZON or LATEST); reading after it starts at the first record.
                var beforeFirst = position.Kind == StreamPositionKind.AfterSequenceNumber && counter == shard.StartCounter - 1;
                if (!beforeFirst && (counter < shard.StartCounter || shard.EndCounter is { } end && counter > end))
                {
                    throw StreamsException.Validation(
                        $"Invalid SequenceNumber {position.SequenceNumber} for shard {shard.ShardId}: it is outside the shard's sequence number range.");
                }

                return position.Kind == StreamPositionKind.AtSequenceNumber ? counter - 1 : counter;
        }
    }

    /// <summary>Reads records after a counter; call within <see cref="EmulatedStream.WithShard{T}"/>.</summary>
    internal static (List<StreamRecord> Records, long Last, bool Closed, bool Drained) ReadLocked(StreamShard shard, long after, int max, int maxBytes)
    {
        if (after < shard.TrimmedThrough && shard.TrimmedThrough >= shard.StartCounter)
        {
            throw StreamsException.Trimmed(
                $"Attempted to access data beyond the trimmed horizon of shard {shard.ShardId}: the records after the iterator's position are older than the retention period.");
        }

        var records = shard.ReadAfter(after, max, maxBytes);
        var last = records.Count > 0 ? records[^1].Counter : after;
        var drained = !shard.IsOpen && !shard.HasRecordAfter(last);
        return (records, last, !shard.IsOpen, drained);
    }

    internal static long ToCounter(string sequenceNumber)
    {
        if (!StreamSequenceNumber.TryParse(sequenceNumber, out var parsed))
        {
            throw StreamsException.Validation($"Invalid SequenceNumber: '{sequenceNumber}' must be 21 to 40 digits.");
        }

        var counter = parsed.Value - StreamSequenceNumber.FromCounter(0).Value;
        return counter < 0 ? -1 : counter > long.MaxValue / 2 ? long.MaxValue / 2 : (long)counter;
    }

    private long NextCounter() => Interlocked.Increment(ref _counter);

    private bool IsExpired(EmulatedStream stream) =>
        stream.DisabledAt is { } disabledAt && disabledAt + Options.RetentionPeriod <= Now;

    private void RollOnTimer(EmulatedStream stream)
    {
        var next = stream.RollIfDue(Now);
        lock (_gate)
        {
            if (next is { } due && _rolloverTimers.TryGetValue(stream.Arn, out var timer))
            {
                var delay = due - Now;
                timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            }
        }
    }
}
