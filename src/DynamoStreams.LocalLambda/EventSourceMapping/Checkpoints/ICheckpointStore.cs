namespace DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;

/// <summary>
/// Keeps each mapping's position per shard. Keep one instance across engine restarts: in memory within a process,
/// or durable with the emulator's data when persistence is on.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Reads every shard checkpoint of a mapping.</summary>
    /// <param name="mappingUuid">The mapping.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checkpoints by shard id.</returns>
    Task<IReadOnlyDictionary<string, ShardCheckpoint>> LoadAsync(string mappingUuid, CancellationToken cancellationToken);

    /// <summary>Records a shard checkpoint.</summary>
    /// <param name="mappingUuid">The mapping.</param>
    /// <param name="shardId">The shard.</param>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the checkpoint is stored.</returns>
    Task SaveAsync(string mappingUuid, string shardId, ShardCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Forgets every checkpoint of a mapping.</summary>
    /// <param name="mappingUuid">The mapping.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the checkpoints are gone.</returns>
    Task ClearAsync(string mappingUuid, CancellationToken cancellationToken);
}
