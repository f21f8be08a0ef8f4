using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Aspire.Hosting.DynamoStreams.Extensibility;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Starts the AppHost's one embedded emulator in-process when the run initialises it, and reports its state and health.
/// </summary>
internal static class EmulatorWiring
{
    /// <summary>
    /// Attaches start-up, health check (<c>{name}_check</c>) and state publishing to the emulator resource, once.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="emulator">The emulator resource.</param>
    public static void AttachOnce(IDistributedApplicationBuilder builder, DynamoStreamsEmulatorResource emulator)
    {
        if (emulator.Annotations.OfType<LocalRunAnnotation>().Any())
        {
            return;
        }

        emulator.Annotations.Add(new LocalRunAnnotation());
        var healthCheckKey = $"{emulator.Name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, sp => new EmulatorHealthCheck(sp.GetRequiredService<DynamoStreamsLocalRun>()), failureStatus: null, tags: null));

        builder.CreateResourceBuilder(emulator)
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource(async (resource, e, ct) =>
            {
                var logger = e.Logger;
                var notifications = e.Notifications;
                var run = e.Services.GetRequiredService<DynamoStreamsLocalRun>();
                await DynamoStreamsResourceStates.PublishAsync(notifications, resource, KnownResourceStates.Starting).ConfigureAwait(false);
                try
                {
                    var endpoint = await run.StartEmulatorAsync(resource, new ServerLogFilter(e.Services.GetRequiredService<ILoggerFactory>()), ct).ConfigureAwait(false);
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
            });
    }
}
