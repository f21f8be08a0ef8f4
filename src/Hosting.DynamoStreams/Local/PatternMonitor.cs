using System.Globalization;
using Amazon.SQS.Model;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Microsoft.Extensions.Logging;
using Aspire.Hosting.DynamoStreams.Extensibility;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Refreshes the properties a user watches: the table's item count, the dead-letter queue's depth, and the mapping's
/// state, counters, iterator age and <c>LastProcessingResult</c>.
/// </summary>
/// <param name="pattern">The pattern.</param>
/// <param name="run">The local run.</param>
/// <param name="notifications">Publishes the properties.</param>
/// <param name="logger">The pattern's logger.</param>
/// <param name="console">The AppHost's console logger: one line when a mapping starts failing and one when it recovers.</param>
internal sealed class PatternMonitor(DynamoStreamsLambdaResource pattern, DynamoStreamsLocalRun run, ResourceNotificationService notifications, ILogger logger, ILogger console)
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);
    private ResourceStateSnapshot? _lastMappingState;
    private bool _failing;
    private string? _lastQueueDepth;
    private string? _lastItemCount;
    private LocalMappingStatus? _lastStatus;

    /// <summary>
    /// Refreshes the properties until the run stops.
    /// </summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when the run stops.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(s_interval);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "Refreshing the properties of {Pattern} failed.", pattern.Name);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (pattern.TableResource is { } table && table.Created.Task.IsCompletedSuccessfully)
        {
            var described = await run.Tables!.DescribeTableAsync(table.Created.Task.Result.TableName, cancellationToken).ConfigureAwait(false);
            var count = (described.Table.ItemCount ?? 0).ToString(CultureInfo.InvariantCulture);
            if (count != _lastItemCount)
            {
                _lastItemCount = count;
                await DynamoStreamsResourceStates.PublishPropertiesAsync(notifications, table, ("dynamostreams.itemCount", count)).ConfigureAwait(false);
            }
        }

        if (pattern.DeadLetterQueueResource is { } dlq && dlq.Created.Task.IsCompletedSuccessfully)
        {
            var attributes = await run.Sqs!.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = dlq.Created.Task.Result.QueueUrl,
                AttributeNames = ["ApproximateNumberOfMessages"],
            }, cancellationToken).ConfigureAwait(false);
            var depth = attributes.ApproximateNumberOfMessages.ToString(CultureInfo.InvariantCulture);
            if (depth != _lastQueueDepth)
            {
                _lastQueueDepth = depth;
                await DynamoStreamsResourceStates.PublishAsync(notifications, dlq, MappingStates.QueueState(attributes.ApproximateNumberOfMessages), ("dynamostreams.dlqDepth", depth)).ConfigureAwait(false);
            }
        }

        if (pattern.MappingResource is { Mapping: { } mapping } mappingResource)
        {
            var status = mapping.GetStatus();
            if (status == _lastStatus)
            {
                return;
            }

            _lastStatus = status;
            var state = MappingStates.State(status);
            ReportToConsole(mappingResource, status);
            (string, object?)[] properties =
            [
                ("dynamostreams.mappingState", status.State),
                ("dynamostreams.lastProcessingResult", status.LastProcessingResult),
                ("dynamostreams.recordsRead", status.RecordsRead),
                ("dynamostreams.recordsFiltered", status.RecordsFiltered),
                ("dynamostreams.recordsDelivered", status.RecordsDelivered),
                ("dynamostreams.invocations", status.Batches),
                ("dynamostreams.functionErrors", status.FunctionErrors),
                ("dynamostreams.recordsSentToDlq", status.RecordsSentToDestination),
                ("dynamostreams.iteratorAgeMs", (long)status.IteratorAge.TotalMilliseconds),
                ("dynamostreams.lastError", status.Condition.Error ?? status.LastError ?? string.Empty),
                ("dynamostreams.condition", status.Condition.Description),
            ];
            if (state != _lastMappingState)
            {
                _lastMappingState = state;
                await DynamoStreamsResourceStates.PublishAsync(notifications, mappingResource, state, properties).ConfigureAwait(false);
            }
            else
            {
                await DynamoStreamsResourceStates.PublishPropertiesAsync(notifications, mappingResource, properties).ConfigureAwait(false);
            }
        }
    }

    private void ReportToConsole(DynamoStreamsMappingResource mapping, LocalMappingStatus status)
    {
        // The details (every retry, bisect and discard) are in the mapping's own log in the dashboard.
        var failing = status.Condition.IsProblem;
        if (failing == _failing)
        {
            return;
        }

        _failing = failing;
        if (failing)
        {
            console.LogWarning("{Mapping}: {Condition}; the mapping's console log in the dashboard has each retry and discard.", mapping.Name, status.Condition.Description);
        }
        else
        {
            console.LogInformation("{Mapping}: batches succeed again.", mapping.Name);
        }
    }
}
