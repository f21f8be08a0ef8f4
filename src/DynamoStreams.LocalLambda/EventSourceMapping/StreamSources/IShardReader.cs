namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>Reads one shard forward from a position; one reader per shard per mapping.</summary>
public interface IShardReader : IAsyncDisposable
{
    /// <summary>Reads up to <paramref name="limit"/> records after the previous read, without waiting.</summary>
    /// <param name="limit">The most records to return (1–1000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records (maybe none) and whether the shard is closed and drained.</returns>
    Task<ShardReadResult> ReadAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Completes when new records may be available or the shard was closed (no fixed sleep in-process).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when reading again may return something.</returns>
    Task WaitForRecordsAsync(CancellationToken cancellationToken);
}
