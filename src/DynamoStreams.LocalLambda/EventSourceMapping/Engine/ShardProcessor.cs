using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Reads one shard for one mapping: filters each record (filtered records are checkpointed, never delivered), spreads
/// the rest over ParallelizationFactor lanes by partition key, and saves the checkpoint as records complete.
/// </summary>
internal sealed class ShardProcessor
{
    private const int ReadLimit = 1000;

    private readonly MappingContext _context;
    private readonly StreamShard _shard;
    private readonly ShardPosition _start;
    private readonly CheckpointTracker _tracker = new();
    private readonly Lock _checkpointLock = new();
    private readonly ShardLane[] _lanes;
    private readonly int _maxInFlight;
    private readonly Lock _caughtUpLock = new();
    private TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _savedCheckpoint;
    private string? _completedCheckpoint;
    private bool _writing;
    private Task _writer = Task.CompletedTask;
    private Exception? _writeFailure;

    public ShardProcessor(MappingContext context, StreamShard shard, ShardPosition start, string? checkpoint)
    {
        _context = context;
        _shard = shard;
        _start = start;
        _savedCheckpoint = checkpoint;
        _completedCheckpoint = checkpoint;
        var config = context.Configuration;
        _lanes = Enumerable.Range(0, config.ParallelizationFactor).Select(_ => new ShardLane(context, this)).ToArray();

        // Room for every lane to have a batch in flight and the next one queued while more is read (no lane can
        // starve another); the queued part is capped so BatchSize 10,000 x PF 10 does not buffer 200,000 records.
        var lanesBatch = config.BatchSize * config.ParallelizationFactor;
        _maxInFlight = lanesBatch + Math.Min(lanesBatch, 10_000) + ReadLimit;
    }

    public string ShardId => _shard.ShardId;

    public string? Checkpoint => Volatile.Read(ref _savedCheckpoint);

    public bool IsCaughtUp
    {
        get
        {
            lock (_caughtUpLock)
            {
                return _caughtUp.Task.IsCompleted;
            }
        }
    }

    public Task CaughtUpTask
    {
        get
        {
            lock (_caughtUpLock)
            {
                return _caughtUp.Task;
            }
        }
    }

    /// <summary>Reads the shard until it is closed and drained and every record is done; then marks it finished.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var config = _context.Configuration;
        using var laneStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var laneTasks = _lanes.Select(lane => Task.Run(() => lane.RunAsync(laneStop.Token), CancellationToken.None)).ToArray();
        try
        {
            var reader = await _context.Source.OpenShardAsync(config.EventSourceArn, _shard.ShardId, _start, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await ReadLoopAsync(reader, laneTasks, cancellationToken).ConfigureAwait(false);
            }

            foreach (var lane in _lanes)
            {
                lane.CompleteAdding();
            }

            await Task.WhenAll(laneTasks).ConfigureAwait(false);
            await _tracker.WaitForDrainAsync(cancellationToken).ConfigureAwait(false);
            await FlushCheckpointsAsync().ConfigureAwait(false);
            await _context.Checkpoints.SaveAsync(config.Uuid, _shard.ShardId, new ShardCheckpoint(Checkpoint, Finished: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await laneStop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(laneTasks).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);

            // No checkpoint write may outlive the run: a replay clears the store right after a stop.
            await WriterTask().ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync(IShardReader reader, Task[] laneTasks, CancellationToken cancellationToken)
    {
        var filters = _context.Configuration.Filters;
        var arnMember = EventPayload.ArnMember(_context.Configuration.EventSourceArn);
        while (true)
        {
            if (laneTasks.FirstOrDefault(t => t.IsFaulted) is { } faulted)
            {
                await faulted.ConfigureAwait(false);
            }

            await _context.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_tracker.InFlight >= _maxInFlight - ReadLimit + 1)
            {
                // Reading pauses until the checkpoint moves, and it moves only when lanes finish their batches: lanes
                // must not wait for more records now (with PF > 1 a lane holding a partial batch would deadlock).
                SetCaughtUp(true);
            }

            await _tracker.WaitForRoomAsync(_maxInFlight - ReadLimit + 1, cancellationToken).ConfigureAwait(false);
            var limit = Math.Clamp(_maxInFlight - _tracker.InFlight, 1, ReadLimit);
            var result = await reader.ReadAsync(limit, cancellationToken).ConfigureAwait(false);
            _context.Counters.AddRead(result.Records.Count);

            List<long>? filtered = null;
            foreach (var record in result.Records)
            {
                var delivered = EventPayload.ToDelivered(record.Json.Span, arnMember);
                var pending = new PendingRecord(record, delivered, _tracker.Add(record.SequenceNumber));
                if (!filters.IsEmpty && !Matches(filters, delivered))
                {
                    (filtered ??= []).Add(pending.Ordinal);
                    continue;
                }

                _lanes[LaneOf(record.PartitionKey)].Enqueue(pending);
            }

            if (filtered is not null)
            {
                _context.Counters.AddFiltered(filtered.Count);
                await SaveAsync(_tracker.Complete(filtered), cancellationToken).ConfigureAwait(false);
            }

            SetCaughtUp(result.Records.Count < limit);
            if (result.EndOfShard)
            {
                SetCaughtUp(true);
                return;
            }

            if (result.Records.Count == 0)
            {
                await reader.WaitForRecordsAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Marks records done and saves the checkpoint when it moved.</summary>
    public Task CompleteAsync(IReadOnlyList<PendingRecord> records, CancellationToken cancellationToken) =>
        records.Count == 0 ? Task.CompletedTask : SaveAsync(_tracker.Complete(records.Select(r => r.Ordinal)), cancellationToken);

    /// <summary>
    /// Records a new checkpoint and returns at once: one writer per shard stores the newest position, so lanes never
    /// wait for the store (an fsync per batch with persistence on) and bursts of completions coalesce into one write.
    /// A checkpoint that is not stored yet only means records delivered again after a crash (at-least-once).
    /// </summary>
    private Task SaveAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        if (checkpoint is null)
        {
            return Task.CompletedTask;
        }

        lock (_checkpointLock)
        {
            if (_writeFailure is { } failure)
            {
                // Surface a failing store in the lane, so the shard restarts from what was stored.
                return Task.FromException(failure);
            }

            // Lanes finish out of order; never move the checkpoint backwards.
            if (_completedCheckpoint is not null && SequenceNumbers.Compare(checkpoint, _completedCheckpoint) <= 0)
            {
                return Task.CompletedTask;
            }

            _completedCheckpoint = checkpoint;
            if (!_writing)
            {
                _writing = true;
                _writer = Task.Run(() => WriteCheckpointsAsync(cancellationToken), CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    private async Task WriteCheckpointsAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                string next;
                lock (_checkpointLock)
                {
                    if (_completedCheckpoint == _savedCheckpoint)
                    {
                        _writing = false;
                        return;
                    }

                    next = _completedCheckpoint!;
                }

                await _context.Checkpoints.SaveAsync(_context.Configuration.Uuid, _shard.ShardId, new ShardCheckpoint(next, false), cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _savedCheckpoint, next);
            }
        }
        catch (Exception ex)
        {
            lock (_checkpointLock)
            {
                _writing = false;
                if (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _writeFailure = ex;
                }
            }
        }
    }

    /// <summary>Waits until the newest checkpoint is stored; throws what the store threw.</summary>
    private async Task FlushCheckpointsAsync()
    {
        while (true)
        {
            Task writer;
            lock (_checkpointLock)
            {
                if (_writeFailure is { } failure)
                {
                    throw new IOException($"Storing the checkpoint of shard {_shard.ShardId} failed: {failure.Message}", failure);
                }

                if (!_writing)
                {
                    return;
                }

                writer = _writer;
            }

            await writer.ConfigureAwait(false);
        }
    }

    private Task WriterTask()
    {
        lock (_checkpointLock)
        {
            return _writer;
        }
    }

    private void SetCaughtUp(bool caughtUp)
    {
        lock (_caughtUpLock)
        {
            if (caughtUp)
            {
                _caughtUp.TrySetResult();
            }
            else if (_caughtUp.Task.IsCompleted)
            {
                _caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private int LaneOf(string partitionKey)
    {
        if (_lanes.Length == 1)
        {
            return 0;
        }

        // FNV-1a: stable across processes, so a key keeps its lane after a restart.
        var hash = 2166136261u;
        foreach (var c in partitionKey)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)_lanes.Length);
    }

    private static bool Matches(Filtering.FilterSet filters, byte[] delivered)
    {
        using var document = JsonDocument.Parse(delivered);
        return filters.Matches(document.RootElement);
    }
}
