using System.Collections.Concurrent;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;

/// <summary>Keeps checkpoints in memory; shared by engines in one process so that a restarted mapping resumes.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ShardCheckpoint>> _mappings = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, ShardCheckpoint>> LoadAsync(string mappingUuid, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, ShardCheckpoint> result = _mappings.TryGetValue(mappingUuid, out var shards)
            ? new Dictionary<string, ShardCheckpoint>(shards, StringComparer.Ordinal)
            : new Dictionary<string, ShardCheckpoint>(StringComparer.Ordinal);
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task SaveAsync(string mappingUuid, string shardId, ShardCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        _mappings.GetOrAdd(mappingUuid, _ => new(StringComparer.Ordinal))[shardId] = checkpoint;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearAsync(string mappingUuid, CancellationToken cancellationToken)
    {
        _mappings.TryRemove(mappingUuid, out _);
        return Task.CompletedTask;
    }
}
