using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.Contracts.EventSourceMapping;
using DynamoStreams.Contracts.Pattern;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes the event-source mapping from the table's stream to the function, with the names of CDK's
/// <c>DynamoEventSourceProps</c> and the seed's defaults. Locally the same values drive the mapping engine.
/// </summary>
public sealed class DynamoEventSourceOptions
{
    /// <summary>Gets or sets where a new mapping starts reading (default <see cref="DynamoStartingPosition.TrimHorizon"/>).</summary>
    public DynamoStartingPosition StartingPosition { get; set; } = DynamoWireNames.ParseStartingPosition(SeedDefaults.StartingPosition);

    /// <summary>Gets or sets the most records one invocation receives, 1–10000 (default 100).</summary>
    public int BatchSize { get; set; } = EventSourceMappingDefaults.BatchSize;

    /// <summary>Gets or sets how long records are gathered before an invocation, up to 300 s (default: none).</summary>
    public TimeSpan? MaxBatchingWindow { get; set; }

    /// <summary>Gets or sets whether a failing batch is split in two before retrying (the seed's default true).</summary>
    public bool BisectBatchOnError { get; set; } = SeedDefaults.BisectBatchOnError;

    /// <summary>Gets or sets the oldest record still sent to the function, 60 s–7 days (the seed's default 24 hours); null means until the record expires.</summary>
    public TimeSpan? MaxRecordAge { get; set; } = SeedDefaults.MaxRecordAge;

    /// <summary>Gets or sets how many times a failing batch is retried, 0–10000 (the seed's default 500); -1 or null retries until the record expires.</summary>
    public int? RetryAttempts { get; set; } = SeedDefaults.RetryAttempts;

    /// <summary>Gets or sets how many batches per shard run at once, 1–10 (default 1).</summary>
    public int? ParallelizationFactor { get; set; }

    /// <summary>Gets or sets the tumbling window for stateful aggregation, up to 900 s (default: none).</summary>
    public TimeSpan? TumblingWindow { get; set; }

    /// <summary>Gets or sets whether the function may return <c>batchItemFailures</c> (<c>ReportBatchItemFailures</c>; default false).</summary>
    public bool ReportBatchItemFailures { get; set; }

    /// <summary>Gets or sets whether the mapping polls the stream (default true); false declares it paused.</summary>
    public bool Enabled { get; set; } = EventSourceMappingDefaults.Enabled;

    /// <summary>
    /// Gets the filter patterns (event-filtering JSON such as <c>{"eventName":["INSERT"]}</c>), at most 5; a record matching none is dropped.
    /// </summary>
    public IList<string> Filters { get; } = [];

    /// <summary>Gets the mapping metrics to enable (<c>EventCount</c>, <c>ErrorCount</c>). Cloud-only.</summary>
    public IList<string> MetricsConfig { get; } = [];
}
