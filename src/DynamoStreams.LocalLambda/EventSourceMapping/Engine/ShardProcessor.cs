using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;
using Microsoft.Extensions.Logging;

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
    private readonly ShardCheckpointWriter _checkpoints;
    private readonly ShardLane[] _lanes;
    private readonly int _maxInFlight;
    private readonly Lock _caughtUpLock = new();
    private TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ShardProcessor(MappingContext context, StreamShard shard, ShardPosition start, string? checkpoint)
    {
        _context = context;
        _shard = shard;
        _start = start;
        var config = context.Configuration;
        _checkpoints = new ShardCheckpointWriter(context.Checkpoints, config.Uuid, shard.ShardId, checkpoint);
        _lanes = Enumerable.Range(0, config.ParallelizationFactor).Select(_ => new ShardLane(context, this)).ToArray();

        // Room for every lane to have a batch in flight and the next one queued while more is read (no lane can
        // starve another); the queued part is capped so BatchSize 10,000 x PF 10 does not buffer 200,000 records.
        var lanesBatch = config.BatchSize * config.ParallelizationFactor;
        _maxInFlight = lanesBatch + Math.Min(lanesBatch, 10_000) + ReadLimit;
    }

    public string ShardId => _shard.ShardId;

    public string? Checkpoint => _checkpoints.Saved;

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
            await _checkpoints.FlushAsync().ConfigureAwait(false);
            await _context.Checkpoints.SaveAsync(config.Uuid, _shard.ShardId, new ShardCheckpoint(Checkpoint, Finished: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await laneStop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(laneTasks).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);

            await _checkpoints.StoppedAsync().ConfigureAwait(false);
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
                _context.Logger.LogInformation(
                    "Mapping {Uuid}: filter criteria dropped {Filtered} of {Read} records read from {Shard}",
                    _context.Configuration.Uuid, filtered.Count, result.Records.Count, _shard.ShardId);
                await _checkpoints.SubmitAsync(_tracker.Complete(filtered), cancellationToken).ConfigureAwait(false);
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
        records.Count == 0 ? Task.CompletedTask : _checkpoints.SubmitAsync(_tracker.Complete(records.Select(r => r.Ordinal)), cancellationToken);

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
