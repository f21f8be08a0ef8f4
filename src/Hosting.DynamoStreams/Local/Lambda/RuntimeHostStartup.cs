using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.Contracts.RuntimeApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Starts the AppHost's one Lambda Runtime API host when the run initialises it (step 1 of
/// <see cref="LocalRunStartup"/>, beside the emulator), and publishes its state and URL.
/// </summary>
internal static class RuntimeHostStartup
{
    /// <summary>Starts the host and publishes Running with its endpoint, or FailedToStart with the reason.</summary>
    /// <param name="host">The runtime host resource.</param>
    /// <param name="e">The initialise event.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the host listens or failed.</returns>
    public static async Task StartAsync(LambdaRuntimeHostResource host, InitializeResourceEvent e, CancellationToken cancellationToken)
    {
        await DynamoStreamsResourceStates.PublishAsync(e.Notifications, host, KnownResourceStates.Starting).ConfigureAwait(false);
        try
        {
            var started = await e.Services.GetRequiredService<LocalLambdaRun>().StartHostAsync(new ServerLogFilter(e.Services.GetRequiredService<ILoggerFactory>()), cancellationToken).ConfigureAwait(false);
            e.Logger.LogInformation("Lambda Runtime API host listening on {Endpoint}; each function polls {Endpoint}<function>" + RuntimeApiPaths.Runtime + RuntimeApiPaths.Next + ".", started.Endpoint, started.Endpoint);
            await e.Notifications.PublishUpdateAsync(host, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                Urls = [new UrlSnapshot("runtime-api", started.Endpoint.ToString(), IsInternal: true)],
                Properties = ResourceSnapshots.With(s, ("dynamostreams.endpoint", started.Endpoint.ToString())),
            }).ConfigureAwait(false);
            host.EndpointSource.TrySetResult(started.Endpoint);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            e.Logger.LogError(ex, "The Lambda Runtime API host failed to start: {Message}", ex.Message);
            await DynamoStreamsResourceStates.PublishAsync(e.Notifications, host, KnownResourceStates.FailedToStart).ConfigureAwait(false);
            host.EndpointSource.TrySetException(ex);
        }
    }
}
