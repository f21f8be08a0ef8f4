using System.Collections.Concurrent;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Finds a stream's shards and runs a <see cref="ShardProcessor"/> for each, parents before children (spec B.2):
/// a child starts only when its parent is finished (or gone from the stream), and new shards are picked up.
/// </summary>
internal sealed class ShardCoordinator(MappingContext context, bool fromTrimHorizon)
{
    private readonly ConcurrentDictionary<string, ShardProcessor> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShardStatus> _known = new(StringComparer.Ordinal);

    public IReadOnlyList<ShardStatus> Shards => _known.Values
        .Select(s => _active.TryGetValue(s.ShardId, out var p) ? s with { Checkpoint = p.Checkpoint, Active = true } : s with { Active = false })
        .OrderBy(s => s.ShardId, StringComparer.Ordinal)
        .ToList();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var config = context.Configuration;
        var checkpoints = new Dictionary<string, ShardCheckpoint>(
            await context.Checkpoints.LoadAsync(config.Uuid, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var running = new Dictionary<string, Task>(StringComparer.Ordinal);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var first = checkpoints.Count == 0;

        try
        {
            await RunLoopAsync(checkpoints, running, failures, first, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A stopped mapping must not write afterwards (a replay clears the store right after the stop).
            await Task.WhenAll(running.Values).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task RunLoopAsync(
        Dictionary<string, ShardCheckpoint> checkpoints, Dictionary<string, Task> running, Dictionary<string, int> failures, bool first, CancellationToken cancellationToken)
    {
        var config = context.Configuration;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<StreamShard> shards;
            try
            {
                shards = await context.Source.DescribeShardsAsync(config.EventSourceArn, cancellationToken).ConfigureAwait(false);
                context.LastEngineError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                context.LastEngineError = $"Describing stream {config.EventSourceArn} failed: {ex.Message}";
                context.Logger.LogWarning(ex, "Mapping {Uuid}: describing the stream failed", config.Uuid);
                await Task.Delay(context.Options.ShardDiscoveryInterval, context.Time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (first)
            {
                await InitializeAsync(shards, checkpoints, cancellationToken).ConfigureAwait(false);
                first = false;
            }

            var ids = shards.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);
            foreach (var shard in shards)
            {
                checkpoints.TryGetValue(shard.ShardId, out var checkpoint);
                _known[shard.ShardId] = new ShardStatus(shard.ShardId, shard.ParentShardId, checkpoint?.AfterSequenceNumber, checkpoint?.Finished == true, false);
                if (checkpoint?.Finished == true || running.ContainsKey(shard.ShardId))
                {
                    continue;
                }

                // Parents before children; a parent no longer in the stream (trimmed) counts as finished.
                var parentDone = shard.ParentShardId is null || !ids.Contains(shard.ParentShardId)
                    || (checkpoints.TryGetValue(shard.ParentShardId, out var parent) && parent.Finished);
                if (!parentDone)
                {
                    continue;
                }

                var position = checkpoint switch
                {
                    { AfterSequenceNumber: { } after } => ShardPosition.After(after),
                    _ => ShardPosition.TrimHorizon,
                };
                context.Logger.LogInformation(
                    "Mapping {Uuid}: reading shard {Shard}{Lineage} from {Position}",
                    config.Uuid, shard.ShardId, shard.ParentShardId is null ? string.Empty : $" (child of {shard.ParentShardId})",
                    checkpoint?.AfterSequenceNumber is { } resumeAfter ? $"after {resumeAfter}" : "its oldest record");
                var processor = new ShardProcessor(context, shard, position, checkpoint?.AfterSequenceNumber);
                _active[shard.ShardId] = processor;
                running[shard.ShardId] = processor.RunAsync(cancellationToken);
            }

            var delay = Task.Delay(context.Options.ShardDiscoveryInterval, context.Time, cancellationToken);
            await Task.WhenAny(running.Values.Append(delay)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            foreach (var (shardId, task) in running.Where(r => r.Value.IsCompleted).ToList())
            {
                running.Remove(shardId);
                _active.TryRemove(shardId, out _);
                if (task.IsCompletedSuccessfully)
                {
                    checkpoints[shardId] = new ShardCheckpoint(null, Finished: true);
                    context.Logger.LogInformation("Mapping {Uuid}: shard {Shard} is closed and fully processed", config.Uuid, shardId);
                    continue;
                }

                // A failing shard resumes from its saved checkpoint after a pause; nothing past it was checkpointed.
                var saved = await context.Checkpoints.LoadAsync(config.Uuid, cancellationToken).ConfigureAwait(false);
                if (saved.TryGetValue(shardId, out var resumed))
                {
                    checkpoints[shardId] = resumed;
                }

                failures[shardId] = failures.GetValueOrDefault(shardId) + 1;
                context.LastEngineError = $"Reading shard {shardId} failed: {task.Exception?.GetBaseException().Message}";
                context.Logger.LogError(task.Exception, "Mapping {Uuid}: shard {Shard} failed; resuming from its checkpoint", config.Uuid, shardId);
                await context.BackoffAsync(failures[shardId], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task InitializeAsync(IReadOnlyList<StreamShard> shards, Dictionary<string, ShardCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        var config = context.Configuration;
        if (fromTrimHorizon || config.StartingPosition == StartingPosition.TrimHorizon)
        {
            return;
        }

        // LATEST: closed shards are behind us; open shards start after their newest record, saved now so that a
        // restart neither skips records written in between nor replays older ones.
        foreach (var shard in shards)
        {
            ShardCheckpoint checkpoint;
            if (shard.IsClosed)
            {
                checkpoint = new ShardCheckpoint(shard.EndingSequenceNumber, Finished: true);
            }
            else
            {
                // An empty shard keeps a null position: everything it will ever hold is newer than the mapping.
                var last = await context.Source.GetLastSequenceNumberAsync(config.EventSourceArn, shard.ShardId, cancellationToken).ConfigureAwait(false);
                checkpoint = new ShardCheckpoint(last, Finished: false);
            }

            checkpoints[shard.ShardId] = checkpoint;
            await context.Checkpoints.SaveAsync(config.Uuid, shard.ShardId, checkpoint, cancellationToken).ConfigureAwait(false);
        }
    }
}
