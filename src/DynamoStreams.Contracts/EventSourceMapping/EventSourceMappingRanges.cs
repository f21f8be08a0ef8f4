using System.Globalization;

namespace DynamoStreams.Contracts.EventSourceMapping;

/// <summary>
/// Lists the ranges Lambda's API model and CDK's <c>DynamoEventSource</c> enforce for a DynamoDB-stream mapping.
/// </summary>
public static class EventSourceMappingRanges
{
    private const int SecondsPerDay = 86_400;

    /// <summary>The most filters a mapping accepts (Lambda's default quota).</summary>
    public const int MaximumFilters = 5;

    /// <summary>Gets the range of <c>BatchSize</c>: 1 to 10,000 records.</summary>
    public static EventSourceMappingRange BatchSize { get; } = new(
        "batchSize", 1, 10_000, acceptsUnlimited: false,
        static (r, given) => $"Maximum batch size must be {Between(r)} (given {given})");

    /// <summary>Gets the range of <c>MaximumBatchingWindowInSeconds</c>: 0 to 300 seconds.</summary>
    public static EventSourceMappingRange MaximumBatchingWindowInSeconds { get; } = new(
        "maximumBatchingWindowInSeconds", 0, 300, acceptsUnlimited: false,
        static (r, given) => $"maxBatchingWindow cannot be over {Number(r.Maximum)} seconds, got {given}");

    /// <summary>Gets the range of <c>MaximumRetryAttempts</c>: 0 to 10,000, or <see cref="Unlimited.Value"/> to retry until the records expire.</summary>
    public static EventSourceMappingRange MaximumRetryAttempts { get; } = new(
        "maximumRetryAttempts", 0, 10_000, acceptsUnlimited: true,
        static (r, given) => $"retryAttempts must be {Between(r)}, got {given}");

    /// <summary>Gets the range of <c>MaximumRecordAgeInSeconds</c>: 60 seconds to 7 days, or <see cref="Unlimited.Value"/> to keep records until they expire.</summary>
    public static EventSourceMappingRange MaximumRecordAgeInSeconds { get; } = new(
        "maximumRecordAgeInSeconds", 60, 7 * SecondsPerDay, acceptsUnlimited: true,
        static (r, given) => $"maxRecordAge must be between {Number(r.Minimum)} seconds and {Number(r.Maximum / SecondsPerDay)} days inclusive (got {given} seconds)");

    /// <summary>Gets the range of <c>ParallelizationFactor</c>: 1 to 10 concurrent batches per shard.</summary>
    public static EventSourceMappingRange ParallelizationFactor { get; } = new(
        "parallelizationFactor", 1, 10, acceptsUnlimited: false,
        static (r, given) => $"parallelizationFactor must be {Between(r)}, got {given}");

    /// <summary>Gets the range of <c>TumblingWindowInSeconds</c>: 0 to 900 seconds.</summary>
    public static EventSourceMappingRange TumblingWindowInSeconds { get; } = new(
        "tumblingWindowInSeconds", 0, 900, acceptsUnlimited: false,
        static (r, given) => $"tumblingWindow cannot be over {Number(r.Maximum)} seconds, got {given}");

    /// <summary>Gets Lambda's service message for a record age the API model accepts but the service does not (0 to 59).</summary>
    public static string RecordAgeServiceRule { get; } =
        $"MaximumRecordAgeInSeconds must be either {Number(Unlimited.Value)} (forever) or between {Number(MaximumRecordAgeInSeconds.Minimum)} and {Number(MaximumRecordAgeInSeconds.Maximum)} (inclusive)";

    private static string Between(EventSourceMappingRange range) =>
        $"between {Number(range.Minimum)} and {Number(range.Maximum)} inclusive";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
