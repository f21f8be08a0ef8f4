namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Records a table's stream specification and its latest stream (kept after the stream is disabled).
/// </summary>
/// <param name="Enabled">Whether a stream is enabled.</param>
/// <param name="ViewType">The view type: <c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</param>
/// <param name="LatestStreamLabel">The label of the latest stream (UTC ISO-8601 with milliseconds), or <see langword="null"/>.</param>
/// <param name="LatestStreamArn">The ARN of the latest stream, or <see langword="null"/>.</param>
internal sealed record StreamSettings(bool Enabled, string? ViewType, string? LatestStreamLabel, string? LatestStreamArn)
{
    /// <summary>Gets the settings of a table that never had a stream.</summary>
    public static StreamSettings None { get; } = new(false, null, null, null);
}
