using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Aspire.Hosting.DynamoStreams.Extensibility;

namespace Aspire.Hosting.DynamoStreams.Dashboard;

/// <summary>
/// Turns a mapping's status into what the dashboard shows, the way AWS's <c>LastProcessingResult</c> follows the last
/// batch: its state in the resources list (the reason in words, warn or error style) and its health check result.
/// </summary>
internal static class MappingStates
{
    /// <summary>
    /// Gets the state to show for a mapping.
    /// </summary>
    /// <param name="status">The mapping's status.</param>
    /// <returns><c>Disabled</c>, the problem in words (<c>Retrying: function error (3rd attempt)</c>, <c>Discarding to DLQ</c>), or <c>Running</c>.</returns>
    public static ResourceStateSnapshot State(LocalMappingStatus status)
    {
        if (status.State == EventSourceMappingState.Disabled)
        {
            return DynamoStreamsResourceStates.Disabled;
        }

        return status.Condition.Kind switch
        {
            // The list has room for a few words: "Discarding to DLQ"; the health check and the log carry the rest.
            ProcessingConditionKind.Discarding => new(status.Condition.Description.Split(':')[0], KnownResourceStateStyles.Error),
            ProcessingConditionKind.Retrying or ProcessingConditionKind.Bisecting or ProcessingConditionKind.Throttled => new(status.Condition.Description, KnownResourceStateStyles.Warn),
            _ => new(KnownResourceStates.Running, null),
        };
    }

    /// <summary>
    /// Gets the health of a mapping: degraded while it retries or bisects, unhealthy once it discards, healthy again
    /// after a successful batch.
    /// </summary>
    /// <param name="status">The mapping's status, or null before it starts.</param>
    /// <returns>The result, with the reason as its description.</returns>
    public static HealthCheckResult Health(LocalMappingStatus? status)
    {
        if (status is null)
        {
            return HealthCheckResult.Unhealthy("The event-source mapping has not started.");
        }

        var condition = status.Condition;
        var reason = condition.Error is null ? condition.Description : $"{condition.Description}. Last error: {condition.Error}";
        // The detail pane shows health check details at once (the properties only after "Show all properties"), so
        // the counters a user watches ride along.
        var counters = Counters(status);
        return condition.Kind switch
        {
            ProcessingConditionKind.Discarding => HealthCheckResult.Unhealthy($"{reason}. {counters}"),
            ProcessingConditionKind.Retrying or ProcessingConditionKind.Bisecting or ProcessingConditionKind.Throttled => HealthCheckResult.Degraded($"{reason}. {counters}"),
            _ when status.LastError is { } engineError => HealthCheckResult.Degraded($"{engineError}. {counters}"),
            _ => HealthCheckResult.Healthy($"{(status.State == EventSourceMappingState.Disabled ? "Disabled: records wait in the stream" : condition.Description)}. {counters}"),
        };
    }

    /// <summary>
    /// Lists a mapping's counters in one line: <c>12 read, 0 filtered, 11 delivered, 6 invocations, …</c>.
    /// </summary>
    /// <param name="status">The mapping's status.</param>
    /// <returns>The line.</returns>
    public static string Counters(LocalMappingStatus status) => string.Create(CultureInfo.InvariantCulture,
        $"{status.RecordsRead} read, {status.RecordsFiltered} filtered, {status.RecordsDelivered} delivered, {status.Batches} invocations, {status.FunctionErrors} function errors, {status.RecordsSentToDestination} sent to the DLQ, iterator age {status.IteratorAge.TotalSeconds:0.0} s");

    /// <summary>
    /// Gets the state to show for a dead-letter queue: its depth when it holds messages.
    /// </summary>
    /// <param name="depth">The approximate number of messages.</param>
    /// <returns><c>Running</c>, or <c>3 messages waiting</c> in warn style.</returns>
    public static ResourceStateSnapshot QueueState(long depth) => depth switch
    {
        <= 0 => new(KnownResourceStates.Running, null),
        1 => new("1 message waiting", KnownResourceStateStyles.Warn),
        _ => new($"{depth} messages waiting", KnownResourceStateStyles.Warn),
    };
}
