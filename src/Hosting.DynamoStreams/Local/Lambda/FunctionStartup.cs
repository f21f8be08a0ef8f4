using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.LocalLambda.NodeRuntime;
using DynamoStreams.LocalLambda.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuntimeFunctionOptions = DynamoStreams.LocalLambda.RuntimeApi.LambdaFunctionOptions;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Starts a pattern's Lambda side in a local run (step 4 of <see cref="LocalRunStartup"/>): the function's registration
/// with the Runtime API host and its process environment, then the pattern's mapping in the engine.
/// </summary>
internal static class FunctionStartup
{
    /// <summary>The configuration switch that turns invocation timeouts off (also off while a debugger is attached).</summary>
    public const string DisableTimeoutsKey = "DynamoStreams:DisableTimeouts";

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
        var host = await lambda.Host.WaitAsync(cancellationToken).ConfigureAwait(false);
        var options = FunctionOptions(pattern, pattern.Emulator.Region, pattern.Emulator.AccountId, services.GetRequiredService<IConfiguration>());
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

    /// <summary>Describes the pattern's function to the Runtime API host: its name, limits, concurrency and declared environment.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="region">The region the function runs in (its <c>AWS_REGION</c>).</param>
    /// <param name="accountId">The account of the function's ARN.</param>
    /// <param name="configuration">The AppHost configuration (the timeouts switch).</param>
    /// <returns>The registration options.</returns>
    internal static RuntimeFunctionOptions FunctionOptions(DynamoStreamsLambdaResource pattern, string region, string accountId, IConfiguration configuration) => new()
    {
        Name = pattern.LocalFunctionName,
        Region = region,
        AccountId = accountId,
        Timeout = pattern.Function.Timeout,
        MemorySize = pattern.Function.MemorySize,
        Concurrency = Concurrency(pattern),
        DebuggerAttached = Debugger.IsAttached || configuration.GetValue<bool>(DisableTimeoutsKey),
        Environment = new Dictionary<string, string>(pattern.Function.Environment, StringComparer.Ordinal),
    };

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
