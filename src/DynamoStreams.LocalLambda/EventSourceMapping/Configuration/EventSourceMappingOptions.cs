namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>
/// Holds the parameters of an event-source mapping exactly as AWS Lambda's <c>CreateEventSourceMapping</c> names them
/// (CDK's <c>DynamoEventSourceProps</c> maps onto these one to one). Unset members take AWS's defaults when
/// <see cref="EventSourceMappingValidator.Validate"/> resolves them into an <see cref="EventSourceMappingConfiguration"/>.
/// </summary>
public sealed class EventSourceMappingOptions
{
    /// <summary>Gets or sets the mapping's identifier; a new UUID is assigned when unset.</summary>
    public string? Uuid { get; set; }

    /// <summary>Gets or sets the ARN of the DynamoDB stream to read (required).</summary>
    public string? EventSourceArn { get; set; }

    /// <summary>Gets or sets the function's name, ARN, partial ARN or qualified ARN (required).</summary>
    public string? FunctionName { get; set; }

    /// <summary>Gets or sets where reading starts in a shard without a checkpoint: <c>TRIM_HORIZON</c> or <c>LATEST</c> (required).</summary>
    public string? StartingPosition { get; set; }

    /// <summary>Gets or sets the maximum number of records per invocation (1–10,000; default 100).</summary>
    public int? BatchSize { get; set; }

    /// <summary>Gets or sets how long to gather records before invoking, in seconds (0–300; default 0).</summary>
    public int? MaximumBatchingWindowInSeconds { get; set; }

    /// <summary>Gets or sets whether the mapping reads and invokes (default true); false pauses at the checkpoint.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Gets or sets whether a batch whose invocation failed with a function error is split in two before retrying (default false).</summary>
    public bool? BisectBatchOnFunctionError { get; set; }

    /// <summary>Gets or sets how many times a failed batch is retried (-1 = until the records expire; 0–10,000; default -1).</summary>
    public int? MaximumRetryAttempts { get; set; }

    /// <summary>Gets or sets the age after which records are discarded, in seconds (-1 = never, or 60–604,800; default -1).</summary>
    public int? MaximumRecordAgeInSeconds { get; set; }

    /// <summary>Gets or sets how many batches of one shard may be processed concurrently (1–10; default 1).</summary>
    public int? ParallelizationFactor { get; set; }

    /// <summary>Gets or sets where discarded batches are reported.</summary>
    public DestinationConfig? DestinationConfig { get; set; }

    /// <summary>Gets or sets the tumbling window length in seconds (0–900; unset or 0 disables windows).</summary>
    public int? TumblingWindowInSeconds { get; set; }

    /// <summary>Gets or sets the response types the function may use; at most <c>ReportBatchItemFailures</c>.</summary>
    public IList<string>? FunctionResponseTypes { get; set; }

    /// <summary>Gets or sets the event filters (at most 5 patterns, OR-ed).</summary>
    public FilterCriteria? FilterCriteria { get; set; }

    /// <summary>Gets or sets the metrics configuration (stored and reported; local counters are always on).</summary>
    public MetricsConfig? MetricsConfig { get; set; }
}
