using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Adapts the mapping engine's <see cref="EventSourceMapping"/> to the dashboard's seam.
/// </summary>
/// <param name="mapping">The running mapping.</param>
internal sealed class EsmLocalMapping(EventSourceMapping mapping) : ILocalMapping
{
    /// <inheritdoc />
    public Task SetEnabledAsync(bool enabled, CancellationToken cancellationToken) => mapping.SetEnabledAsync(enabled, cancellationToken);

    /// <inheritdoc />
    public Task ReplayFromTrimHorizonAsync(CancellationToken cancellationToken) => mapping.ReplayFromTrimHorizonAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<(bool Succeeded, string Description)> RedriveAsync(string failureDocument, CancellationToken cancellationToken)
    {
        var result = await mapping.RedriveAsync(failureDocument, cancellationToken).ConfigureAwait(false);
        var description = $"{result.RecordsFound} record(s) found, {result.RecordsDelivered} delivered, {result.RecordsDiscarded} discarded again";
        return (result.RecordsFound > 0 && result.RecordsDiscarded == 0, description);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ReadFailedRecordsAsync(string failureDocument, CancellationToken cancellationToken) =>
        mapping.ReadFailedRecordsAsync(OnFailureDocument.Parse(failureDocument), cancellationToken);

    /// <inheritdoc />
    public LocalMappingStatus GetStatus()
    {
        var status = mapping.GetStatus();
        var m = status.Metrics;
        return new LocalMappingStatus(status.State, status.LastProcessingResult, m.RecordsRead, m.RecordsFiltered, m.RecordsDelivered,
            m.Batches, m.FunctionErrors, m.RecordsSentToDestination, m.IteratorAge, status.LastEngineError, status.Condition);
    }
}
