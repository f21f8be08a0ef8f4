namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>
/// Reads a DynamoDB stream for the event-source-mapping engine. Implemented in-process over the emulator's stream
/// reader (no HTTP, no polling sleep) and over the DynamoDB Streams HTTP API (any endpoint).
/// </summary>
public interface IStreamSource
{
    /// <summary>Lists every shard of a stream with its parent and sequence range.</summary>
    /// <param name="streamArn">The stream's ARN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The shards, in any order.</returns>
    Task<IReadOnlyList<StreamShard>> DescribeShardsAsync(string streamArn, CancellationToken cancellationToken);

    /// <summary>Returns the sequence number of the newest record in a shard, or null when the shard is empty.</summary>
    /// <param name="streamArn">The stream's ARN.</param>
    /// <param name="shardId">The shard.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The newest sequence number, or null.</returns>
    Task<string?> GetLastSequenceNumberAsync(string streamArn, string shardId, CancellationToken cancellationToken);

    /// <summary>Opens a reader on one shard.</summary>
    /// <param name="streamArn">The stream's ARN.</param>
    /// <param name="shardId">The shard.</param>
    /// <param name="position">Where reading starts. A trimmed position falls back to the oldest record still kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reader; dispose it when done.</returns>
    Task<IShardReader> OpenShardAsync(string streamArn, string shardId, ShardPosition position, CancellationToken cancellationToken);
}
