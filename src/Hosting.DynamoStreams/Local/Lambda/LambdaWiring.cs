using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.Contracts.RuntimeApi;
using DynamoStreams.LocalLambda.NodeRuntime;
using DynamoStreams.LocalLambda.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RuntimeFunctionOptions = DynamoStreams.LocalLambda.RuntimeApi.LambdaFunctionOptions;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Wires the Lambda side of a local run: the shared Runtime API host, each function's registration and process
/// environment, and each pattern's mapping in the engine.
/// </summary>
internal static class LambdaWiring
{
    /// <summary>The configuration switch that turns invocation timeouts off (also off while a debugger is attached).</summary>
    public const string DisableTimeoutsKey = "DynamoStreams:DisableTimeouts";

    /// <summary>
    /// Attaches the runtime host's start-up and state to its resource, once per AppHost.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    public static void AttachRuntimeHostOnce(IDistributedApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<LocalLambdaRun>();
        builder.Services.TryAddSingleton<FunctionHealthTracker>();
        var resource = builder.Resources.OfType<LambdaRuntimeHostResource>().Single();
        if (resource.Annotations.OfType<LocalRunAnnotation>().Any())
        {
            return;
        }

        resource.Annotations.Add(new LocalRunAnnotation());
        builder.CreateResourceBuilder(resource).OnInitializeResource(async (host, e, ct) =>
        {
            await DynamoStreamsResourceStates.PublishAsync(e.Notifications, host, KnownResourceStates.Starting).ConfigureAwait(false);
            try
            {
                var started = await e.Services.GetRequiredService<LocalLambdaRun>().StartHostAsync(new ServerLogFilter(e.Services.GetRequiredService<ILoggerFactory>()), ct).ConfigureAwait(false);
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
        });
    }

    /// <summary>
    /// Prepares the function resource: the Node shim as its argument, replicas for the mapping's concurrency.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="pattern">The pattern.</param>
    public static void AttachFunction(IDistributedApplicationBuilder builder, DynamoStreamsLambdaResource pattern)
    {
        if (pattern.FunctionResource is ExecutableResource node)
        {
            builder.CreateResourceBuilder(node).WithArgs(NodeRuntimeShim.FilePath);
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            var concurrency = Concurrency(pattern);
            if (concurrency > 1 && pattern.FunctionResource is ProjectResource project)
            {
                project.Annotations.Add(new ReplicaAnnotation(concurrency));
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Registers the function with the host, then creates and starts the pattern's mapping.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="table">The table whose stream the mapping reads.</param>
    /// <param name="services">The AppHost services.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the mapping runs.</returns>
    public static async Task StartFunctionAndMappingAsync(DynamoStreamsLambdaResource pattern, LocalTableInfo table, IServiceProvider services, CancellationToken cancellationToken)
    {
        var lambda = services.GetRequiredService<LocalLambdaRun>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var host = await lambda.Host.WaitAsync(cancellationToken).ConfigureAwait(false);
        var options = new RuntimeFunctionOptions
        {
            Name = pattern.LocalFunctionName,
            Region = pattern.Emulator.Region,
            AccountId = pattern.Emulator.AccountId,
            Timeout = pattern.Function.Timeout,
            MemorySize = pattern.Function.MemorySize,
            Concurrency = Concurrency(pattern),
            DebuggerAttached = Debugger.IsAttached || configuration.GetValue<bool>(DisableTimeoutsKey),
            Environment = new Dictionary<string, string>(pattern.Function.Environment, StringComparer.Ordinal),
        };
        var registered = await host.RegisterFunctionAsync(options, runner: null, cancellationToken).ConfigureAwait(false);
        pattern.FunctionEnvironment.TrySetResult(FunctionEnvironment.Create(options, registered.RuntimeApiAddress, RuntimeInfo(pattern)));

        if (pattern.MappingResource is not { } mappingResource)
        {
            return;
        }

        var mappingLogger = services.GetRequiredService<ResourceLoggerService>().GetLogger(mappingResource);
        await DynamoStreamsResourceStates.PublishAsync(notifications, mappingResource, KnownResourceStates.Starting).ConfigureAwait(false);
        try
        {
            string? dlqArn = null;
            if (pattern.DeadLetterQueueResource is { } dlq)
            {
                dlqArn = (await dlq.Created.Task.WaitAsync(cancellationToken).ConfigureAwait(false)).QueueArn;
            }

            var engine = await lambda.GetEngineAsync(pattern.Emulator, loggerFactory, cancellationToken).ConfigureAwait(false);
            // The mapping's events (retries, bisects, discards, filter summaries, shards) go to its own log in the dashboard.
            var mapping = engine.CreateMapping(MappingOptionsFactory.Create(pattern, table.StreamArn, dlqArn), mappingLogger);
            await mapping.StartAsync(cancellationToken).ConfigureAwait(false);
            mappingResource.Mapping = new EsmLocalMapping(mapping);
            var status = mapping.GetStatus();
            mappingLogger.LogInformation("Mapping {Uuid} reads {Stream} for {Function} ({State}).", mapping.Uuid, table.StreamArn, pattern.LocalFunctionName, status.State);
            await DynamoStreamsResourceStates.PublishAsync(notifications, mappingResource, status.State == "Disabled" ? DynamoStreamsResourceStates.Disabled : KnownResourceStates.Running,
                ("dynamostreams.uuid", mapping.Uuid), ("dynamostreams.mappingState", status.State), ("dynamostreams.eventSourceArn", table.StreamArn),
                ("dynamostreams.functionArn", registered.FunctionArn), ("dynamostreams.batchSize", pattern.EventSource.BatchSize),
                ("dynamostreams.startingPosition", pattern.EventSource.StartingPosition.ToString())).ConfigureAwait(false);
            mappingResource.Started.TrySetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            mappingLogger.LogError(ex, "The mapping could not start: {Message}", ex.Message);
            await DynamoStreamsResourceStates.PublishAsync(notifications, mappingResource, KnownResourceStates.FailedToStart).ConfigureAwait(false);
            mappingResource.Started.TrySetException(ex);
        }
    }

    /// <summary>Gets how many instances of the function the mapping may invoke at once (parallelization, capped by reserved concurrency).</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>1 to 10.</returns>
    internal static int Concurrency(DynamoStreamsLambdaResource pattern)
    {
        var wanted = pattern.EventSource.ParallelizationFactor ?? 1;
        if (pattern.Function.ReservedConcurrentExecutions is { } reserved and > 0)
        {
            wanted = Math.Min(wanted, reserved);
        }

        return Math.Clamp(wanted, 1, 10);
    }

    /// <summary>Gets the handler, task root, runtime folder and execution environment of the pattern's function.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The runtime information.</returns>
    internal static FunctionRuntimeInfo RuntimeInfo(DynamoStreamsLambdaResource pattern)
    {
        var handler = pattern.Handler;
        return handler.Kind == LambdaHandlerKind.NodeCode
            ? new FunctionRuntimeInfo(handler.Handler!, handler.CodePath!, Path.GetDirectoryName(NodeRuntimeShim.FilePath)!, $"AWS_Lambda_{handler.Runtime}")
            : new FunctionRuntimeInfo(handler.Handler!, Path.GetDirectoryName(handler.ProjectPath!)!, Path.GetDirectoryName(handler.ProjectPath!)!, handler.Runtime!.StartsWith("dotnet", StringComparison.Ordinal) ? "AWS_Lambda_" + handler.Runtime : null);
    }
}
