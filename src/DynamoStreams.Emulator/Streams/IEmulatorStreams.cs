namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Reads the emulator's DynamoDB streams in-process, without HTTP or polling latency: what the local
/// event-source mapping uses. The same streams are served over HTTP (target <c>DynamoDBStreams_20120810</c>).
/// </summary>
/// <remarks>
/// Errors are <see cref="StreamsException"/>s with the Streams API's codes: <c>ResourceNotFoundException</c>
/// for an unknown stream or shard, <c>TrimmedDataAccessException</c> for a position older than the retention
/// period, <c>ValidationException</c> for a malformed sequence number.
/// </remarks>
public interface IEmulatorStreams
{
    /// <summary>Describes a stream and all of its retained shards.</summary>
    /// <param name="streamArn">The stream ARN.</param>
    /// <returns>The description.</returns>
    /// <exception cref="StreamsException">The stream does not exist.</exception>
    StreamInfo DescribeStream(string streamArn);

    /// <summary>Lists the streams of a table (enabled, or disabled and still retained), oldest first.</summary>
    /// <param name="region">The table's region.</param>
    /// <param name="tableName">The table name.</param>
    /// <returns>The streams.</returns>
    IReadOnlyList<StreamInfo> ListStreams(string region, string tableName);

    /// <summary>Reads up to <paramref name="maxRecords"/> records of a shard from a position.</summary>
    /// <param name="streamArn">The stream ARN.</param>
    /// <param name="shardId">The shard id.</param>
    /// <param name="position">Where to start.</param>
    /// <param name="maxRecords">1 to 10,000.</param>
    /// <returns>The records, the position after them, and whether the shard is closed and drained.</returns>
    /// <exception cref="StreamsException">The stream or shard does not exist, or the position was trimmed.</exception>
    StreamReadResult ReadRecords(string streamArn, string shardId, StreamPosition position, int maxRecords);

    /// <summary>
    /// Completes as soon as the shard holds a record after <paramref name="afterSequenceNumber"/> (or any record
    /// when it is <see langword="null"/>), or the shard is closed, or the stream is gone.
    /// </summary>
    /// <param name="streamArn">The stream ARN.</param>
    /// <param name="shardId">The shard id.</param>
    /// <param name="afterSequenceNumber">The last sequence number the reader has, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when there is something new to read.</returns>
    /// <exception cref="StreamsException">The stream or shard does not exist.</exception>
    Task WaitForRecordsAsync(string streamArn, string shardId, string? afterSequenceNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when the stream changes shape: a shard opens or closes, or the stream is disabled. Readers that
    /// follow every shard await this to pick up child shards without polling.
    /// </summary>
    /// <param name="streamArn">The stream ARN.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes at the next shape change.</returns>
    /// <exception cref="StreamsException">The stream does not exist.</exception>
    Task WaitForShardChangeAsync(string streamArn, CancellationToken cancellationToken);
}
