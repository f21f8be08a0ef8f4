using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Stores one shard's checkpoint for one mapping in the background: lanes submit positions and return at once, one
/// writer stores the newest (so lanes never wait for the store, an fsync per batch with persistence on, and bursts of
/// completions coalesce into one write). A position not stored yet only means records delivered again after a crash
/// (at-least-once).
/// </summary>
/// <param name="store">The checkpoint store.</param>
/// <param name="mappingUuid">The mapping.</param>
/// <param name="shardId">The shard.</param>
/// <param name="stored">The checkpoint already stored, or null.</param>
internal sealed class ShardCheckpointWriter(ICheckpointStore store, string mappingUuid, string shardId, string? stored)
{
    private readonly Lock _lock = new();
    private string? _saved = stored;
    private string? _completed = stored;
    private bool _writing;
    private Task _writer = Task.CompletedTask;
    private Exception? _failure;

    /// <summary>Gets the newest checkpoint stored.</summary>
    public string? Saved => Volatile.Read(ref _saved);

    /// <summary>
    /// Submits a completed position; an older one than already submitted is ignored (lanes finish out of order).
    /// </summary>
    /// <param name="checkpoint">The position, or null for none.</param>
    /// <param name="cancellationToken">Stops the writer.</param>
    /// <returns>A completed task, or a faulted one once the store has failed (so the shard restarts from what was stored).</returns>
    public Task SubmitAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        if (checkpoint is null)
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            if (_failure is { } failure)
            {
                return Task.FromException(failure);
            }

            if (_completed is not null && SequenceNumbers.Compare(checkpoint, _completed) <= 0)
            {
                return Task.CompletedTask;
            }

            _completed = checkpoint;
            if (!_writing)
            {
                _writing = true;
                _writer = Task.Run(() => WriteAsync(cancellationToken), CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits until the newest submitted checkpoint is stored; throws what the store threw.</summary>
    /// <returns>A task that completes when nothing is left to write.</returns>
    public async Task FlushAsync()
    {
        while (true)
        {
            Task writer;
            lock (_lock)
            {
                if (_failure is { } failure)
                {
                    throw new IOException($"Storing the checkpoint of shard {shardId} failed: {failure.Message}", failure);
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

    /// <summary>Waits for a write in progress to end, whatever its outcome: no write may outlive the shard's run (a replay clears the store right after a stop).</summary>
    /// <returns>A task that never faults.</returns>
    public Task StoppedAsync()
    {
        Task writer;
        lock (_lock)
        {
            writer = _writer;
        }

        return writer.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                string next;
                lock (_lock)
                {
                    if (_completed == _saved)
                    {
                        _writing = false;
                        return;
                    }

                    next = _completed!;
                }

                await store.SaveAsync(mappingUuid, shardId, new ShardCheckpoint(next, false), cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _saved, next);
            }
        }
        catch (Exception ex)
        {
            lock (_lock)
            {
                _writing = false;
                if (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _failure = ex;
                }
            }
        }
    }
}
