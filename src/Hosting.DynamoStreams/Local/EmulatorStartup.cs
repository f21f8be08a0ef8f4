using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Aspire.Hosting.DynamoStreams.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Starts the AppHost's one embedded emulator in-process when the run initialises it (step 1 of
/// <see cref="LocalRunStartup"/>), and publishes its state and URLs.
/// </summary>
internal static class EmulatorStartup
{
    /// <summary>Starts the emulator and publishes Running with its endpoint, or FailedToStart with the reason.</summary>
    /// <param name="resource">The emulator resource.</param>
    /// <param name="e">The initialise event.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the emulator listens or failed.</returns>
    public static async Task StartAsync(DynamoStreamsEmulatorResource resource, InitializeResourceEvent e, CancellationToken cancellationToken)
    {
        var logger = e.Logger;
        var notifications = e.Notifications;
        var run = e.Services.GetRequiredService<DynamoStreamsLocalRun>();
        await DynamoStreamsResourceStates.PublishAsync(notifications, resource, KnownResourceStates.Starting).ConfigureAwait(false);
        try
        {
            var endpoint = await run.StartEmulatorAsync(resource, new ServerLogFilter(e.Services.GetRequiredService<ILoggerFactory>()), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("DynamoDB, DynamoDB Streams and SQS emulator listening on {Endpoint} (region {Region}).", endpoint, resource.Region);
            await notifications.PublishUpdateAsync(resource, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                Urls = [new UrlSnapshot("endpoint", endpoint.ToString(), IsInternal: false),
                    new UrlSnapshot("data explorer", new Uri(endpoint, global::DynamoStreams.Emulator.Explorer.ExplorerPage.Path).ToString(), IsInternal: false)],
                Properties = ResourceSnapshots.With(s, ("dynamostreams.endpoint", endpoint.ToString()), ("dynamostreams.region", resource.Region), ("dynamostreams.dataDirectory", resource.DataDirectory ?? "(in memory)")),
            }).ConfigureAwait(false);
            resource.EndpointSource.TrySetResult(endpoint);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The emulator failed to start: {Message}", ex.Message);
            await DynamoStreamsResourceStates.PublishAsync(notifications, resource, KnownResourceStates.FailedToStart).ConfigureAwait(false);
            resource.EndpointSource.TrySetException(ex);
        }
    }
}
