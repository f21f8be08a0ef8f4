using DynamoStreams.Contracts.EventSourceMapping;
using DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>
/// Holds a validated mapping with every default applied, as AWS reports it in <c>EventSourceMappingConfiguration</c>.
/// Create one with <see cref="EventSourceMappingValidator.Validate"/>.
/// </summary>
public sealed record EventSourceMappingConfiguration
{
    /// <summary>Gets the mapping's identifier.</summary>
    public required string Uuid { get; init; }

    /// <summary>Gets the ARN of the stream.</summary>
    public required string EventSourceArn { get; init; }

    /// <summary>Gets the function's name as given.</summary>
    public required string FunctionName { get; init; }

    /// <summary>Gets the function's unqualified name (what the local runtime host knows it by).</summary>
    public required string FunctionShortName { get; init; }

    /// <summary>Gets the function's ARN.</summary>
    public required string FunctionArn { get; init; }

    /// <summary>Gets where reading starts in a shard without a checkpoint.</summary>
    public required StartingPosition StartingPosition { get; init; }

    /// <summary>Gets the maximum number of records per invocation.</summary>
    public int BatchSize { get; init; } = EventSourceMappingDefaults.BatchSize;

    /// <summary>Gets the batching window in seconds.</summary>
    public int MaximumBatchingWindowInSeconds { get; init; }

    /// <summary>Gets whether the mapping starts enabled.</summary>
    public bool Enabled { get; init; } = EventSourceMappingDefaults.Enabled;

    /// <summary>Gets whether failed batches are halved before retrying.</summary>
    public bool BisectBatchOnFunctionError { get; init; }

    /// <summary>Gets the retry limit (-1 = until the records expire).</summary>
    public int MaximumRetryAttempts { get; init; } = EventSourceMappingDefaults.MaximumRetryAttempts;

    /// <summary>Gets the maximum record age in seconds (-1 = until the stream's 24-hour retention).</summary>
    public int MaximumRecordAgeInSeconds { get; init; } = EventSourceMappingDefaults.MaximumRecordAgeInSeconds;

    /// <summary>Gets the number of concurrent batches per shard.</summary>
    public int ParallelizationFactor { get; init; } = EventSourceMappingDefaults.ParallelizationFactor;

    /// <summary>Gets the ARN receiving discarded batches, or null.</summary>
    public string? OnFailureDestination { get; init; }

    /// <summary>Gets the tumbling window length in seconds (0 = no windows).</summary>
    public int TumblingWindowInSeconds { get; init; }

    /// <summary>Gets whether the function may report batch item failures.</summary>
    public bool ReportBatchItemFailures { get; init; }

    /// <summary>Gets the filter patterns as given.</summary>
    public IReadOnlyList<string> FilterPatterns { get; init; } = [];

    /// <summary>Gets the parsed filters; empty when every record is delivered.</summary>
    public FilterSet Filters { get; init; } = FilterSet.Empty;

    /// <summary>Gets the metric names of <c>MetricsConfig</c>.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>Gets the AWS region of the stream (from its ARN).</summary>
    public required string Region { get; init; }

    /// <summary>Gets the account of the stream (from its ARN).</summary>
    public required string AccountId { get; init; }

    /// <summary>Gets the starting position as AWS spells it.</summary>
    public string StartingPositionName => StartingPosition == StartingPosition.TrimHorizon ? StartingPositions.TrimHorizon : StartingPositions.Latest;
}
