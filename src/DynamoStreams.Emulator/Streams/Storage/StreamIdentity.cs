namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Names a stream and the table it belongs to; fixed for the stream's life.
/// </summary>
/// <param name="StreamArn">The stream ARN.</param>
/// <param name="StreamLabel">The label.</param>
/// <param name="Region">The table's region.</param>
/// <param name="TableName">The table name.</param>
/// <param name="ViewType">The view type.</param>
/// <param name="HashKeyName">The partition key attribute.</param>
/// <param name="RangeKeyName">The sort key attribute, or <see langword="null"/>.</param>
/// <param name="CreatedAt">When the stream was enabled.</param>
internal sealed record StreamIdentity(
    string StreamArn,
    string StreamLabel,
    string Region,
    string TableName,
    string ViewType,
    string HashKeyName,
    string? RangeKeyName,
    DateTimeOffset CreatedAt);
