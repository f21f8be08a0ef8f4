namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Tracks the records of one shard from reading to completion. Lanes complete records out of order; the shard's
/// checkpoint is the last record of the contiguous completed prefix (the lowest unfinished position, spec B.2).
/// </summary>
internal sealed class CheckpointTracker
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Ordinal, string SequenceNumber)> _pending = new();
    private readonly HashSet<long> _completed = [];
    private long _nextOrdinal;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Gets the number of records read but not yet checkpointed.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Registers a record just read and returns its ordinal.</summary>
    public long Add(string sequenceNumber)
    {
        lock (_lock)
        {
            var ordinal = _nextOrdinal++;
            _pending.Enqueue((ordinal, sequenceNumber));
            return ordinal;
        }
    }

    /// <summary>Marks records done; returns the new checkpoint when it moved, else null.</summary>
    public string? Complete(IEnumerable<long> ordinals)
    {
        TaskCompletionSource signal;
        string? checkpoint = null;
        lock (_lock)
        {
            foreach (var ordinal in ordinals)
            {
                _completed.Add(ordinal);
            }

            while (_pending.TryPeek(out var head) && _completed.Remove(head.Ordinal))
            {
                _pending.Dequeue();
                checkpoint = head.SequenceNumber;
            }

            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
        return checkpoint;
    }

    /// <summary>Waits until fewer than <paramref name="limit"/> records are in flight.</summary>
    public async Task WaitForRoomAsync(int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_pending.Count < limit)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every record read so far is done.</summary>
    public Task WaitForDrainAsync(CancellationToken cancellationToken) => WaitForRoomAsync(1, cancellationToken);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
