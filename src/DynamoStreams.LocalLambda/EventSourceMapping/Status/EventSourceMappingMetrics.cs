namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Holds a mapping's counters at one moment.</summary>
public sealed record EventSourceMappingMetrics
{
    /// <summary>Gets the records read from the stream.</summary>
    public long RecordsRead { get; init; }

    /// <summary>Gets the records dropped by the filters (checkpointed, never delivered).</summary>
    public long RecordsFiltered { get; init; }

    /// <summary>Gets the records the function processed successfully.</summary>
    public long RecordsDelivered { get; init; }

    /// <summary>Gets the invocations made (AWS's <c>Invocations</c>).</summary>
    public long Batches { get; init; }

    /// <summary>Gets the invocations that failed (function errors and failing responses).</summary>
    public long FunctionErrors { get; init; }

    /// <summary>Gets the invocations throttled before the function ran.</summary>
    public long Throttles { get; init; }

    /// <summary>Gets the retries counted against <c>MaximumRetryAttempts</c>.</summary>
    public long Retries { get; init; }

    /// <summary>Gets the batches split in two.</summary>
    public long Bisects { get; init; }

    /// <summary>Gets the records reported to the OnFailure destination.</summary>
    public long RecordsSentToDestination { get; init; }

    /// <summary>Gets the records discarded without a destination.</summary>
    public long RecordsDropped { get; init; }

    /// <summary>Gets the age of the last record delivered when it was delivered (AWS's <c>IteratorAge</c>).</summary>
    public TimeSpan IteratorAge { get; init; }
}
