namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Describes a stream as <c>DescribeStream</c> reports it, with all of its retained shards.
/// </summary>
/// <param name="StreamArn">The stream ARN.</param>
/// <param name="StreamLabel">The stream label (UTC ISO-8601 with milliseconds).</param>
/// <param name="StreamStatus"><c>ENABLED</c> or <c>DISABLED</c>.</param>
/// <param name="StreamViewType"><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</param>
/// <param name="TableName">The table name.</param>
/// <param name="Region">The table's region.</param>
/// <param name="HashKeyName">The partition key attribute name.</param>
/// <param name="RangeKeyName">The sort key attribute name, or <see langword="null"/>.</param>
/// <param name="CreationRequestDateTime">When the stream was enabled.</param>
/// <param name="Shards">The retained shards, parents before children.</param>
public sealed record StreamInfo(
    string StreamArn,
    string StreamLabel,
    string StreamStatus,
    string StreamViewType,
    string TableName,
    string Region,
    string HashKeyName,
    string? RangeKeyName,
    DateTimeOffset CreationRequestDateTime,
    IReadOnlyList<StreamShardInfo> Shards);
