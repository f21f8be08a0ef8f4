using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Aspire.Hosting.DynamoStreams.Local.Telemetry;

/// <summary>
/// Sends the metrics of what runs inside the AppHost (the mapping engine's counters, the emulator's requests) to the
/// dashboard, as the telemetry of the emulator resource, so they appear on its Metrics page like a project's.
/// </summary>
/// <param name="configuration">The AppHost's configuration (the dashboard's OTLP endpoint).</param>
/// <param name="executionContext">Run or publish.</param>
/// <param name="model">The application model (the emulator resource's name).</param>
/// <param name="notifications">Says when the dashboard runs (its OTLP ports are allocated then).</param>
/// <param name="lifetime">Stops the wait for the dashboard.</param>
internal sealed class DashboardMetricsExporter(IConfiguration configuration, DistributedApplicationExecutionContext executionContext, DistributedApplicationModel model,
    ResourceNotificationService notifications, IHostApplicationLifetime lifetime)
    : IHostedService, IDisposable
{
    private const string DashboardResourceName = "aspire-dashboard";
    private const int ExportIntervalMilliseconds = 1000;
    private MeterProvider? _provider;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (executionContext.IsPublishMode)
        {
            return Task.CompletedTask;
        }

        if (model.Resources.FirstOrDefault(r => r.Name == DashboardResourceName) is not IResourceWithEndpoints dashboard)
        {
            // No dashboard of this AppHost; a standalone one may still be configured.
            Start(DashboardOtlpTarget.Resolve(configuration));
            return Task.CompletedTask;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await notifications.WaitForResourceAsync(DashboardResourceName, KnownResourceStates.Running, lifetime.ApplicationStopping).ConfigureAwait(false);
                Start(DashboardOtlpTarget.Resolve(dashboard, configuration));
            }
            catch (OperationCanceledException)
            {
                // The AppHost stopped before the dashboard ran.
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void Start(DashboardOtlpTarget? target)
    {
        if (target is null)
        {
            return;
        }

        // The dashboard files telemetry under the resource whose name is the service name.
        var serviceName = model.Resources.OfType<DynamoStreamsEmulatorResource>().FirstOrDefault()?.Name ?? "dynamostreams";
        _provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.Clear().AddService(serviceName, serviceInstanceId: serviceName))
            .AddMeter(EventSourceMappingTelemetry.MeterName, EmulatorTelemetry.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = target.Endpoint;
                exporter.Protocol = target.Protocol;
                exporter.Headers = target.Headers;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = ExportIntervalMilliseconds;
            })
            .Build();
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _provider?.ForceFlush(ExportIntervalMilliseconds);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _provider?.Dispose();
}
