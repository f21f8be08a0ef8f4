using DynamoStreams.LocalLambda.EventSourceMapping.Status;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Carries what the dashboard shows about a running mapping.
/// </summary>
/// <param name="State">The mapping state (<c>Enabled</c>, <c>Disabled</c>, …).</param>
/// <param name="LastProcessingResult">AWS's <c>LastProcessingResult</c> text.</param>
/// <param name="RecordsRead">Records read from the stream.</param>
/// <param name="RecordsFiltered">Records dropped by filters.</param>
/// <param name="RecordsDelivered">Records delivered to the function successfully.</param>
/// <param name="Batches">Invocations made.</param>
/// <param name="FunctionErrors">Invocations that failed with a function error.</param>
/// <param name="RecordsSentToDestination">Records discarded to the dead-letter queue.</param>
/// <param name="IteratorAge">How far behind the newest record the mapping reads.</param>
/// <param name="LastError">The last engine error, if any.</param>
/// <param name="Condition">What the last batch did, in words.</param>
internal sealed record LocalMappingStatus(
    string State,
    string LastProcessingResult,
    long RecordsRead,
    long RecordsFiltered,
    long RecordsDelivered,
    long Batches,
    long FunctionErrors,
    long RecordsSentToDestination,
    TimeSpan IteratorAge,
    string? LastError,
    ProcessingCondition Condition);
