namespace DynamoStreams.Contracts.EventSourceMapping;

/// <summary>
/// Lists the values Lambda gives an unset parameter of <c>CreateEventSourceMapping</c> for a DynamoDB stream (AWS's
/// API defaults, not the seed construct's: see <see cref="Pattern.SeedDefaults"/>).
/// </summary>
public static class EventSourceMappingDefaults
{
    /// <summary>The default <c>BatchSize</c>: 100 records.</summary>
    public const int BatchSize = 100;

    /// <summary>The default <c>MaximumBatchingWindowInSeconds</c>: 0, invoke as soon as records arrive.</summary>
    public const int MaximumBatchingWindowInSeconds = 0;

    /// <summary>The default <c>Enabled</c>: true.</summary>
    public const bool Enabled = true;

    /// <summary>The default <c>BisectBatchOnFunctionError</c>: false.</summary>
    public const bool BisectBatchOnFunctionError = false;

    /// <summary>The default <c>MaximumRetryAttempts</c>: unlimited, until the records expire.</summary>
    public const int MaximumRetryAttempts = Unlimited.Value;

    /// <summary>The default <c>MaximumRecordAgeInSeconds</c>: unlimited, until the stream's retention drops them.</summary>
    public const int MaximumRecordAgeInSeconds = Unlimited.Value;

    /// <summary>The default <c>ParallelizationFactor</c>: 1 batch per shard at a time.</summary>
    public const int ParallelizationFactor = 1;

    /// <summary>The default <c>TumblingWindowInSeconds</c>: 0, no windows.</summary>
    public const int TumblingWindowInSeconds = 0;
}
