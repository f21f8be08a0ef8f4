using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Aspire.Hosting.DynamoStreams.Extensibility;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Publishes the pattern's own state from its parts: Starting, then Running when table, queue and mapping are up, or a named failure.
/// </summary>
internal static class PatternLifecycle
{
    /// <summary>
    /// Follows the parts and publishes the pattern's state.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="e">The initialise event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the state is final.</returns>
    public static async Task RunAsync(DynamoStreamsLambdaResource pattern, InitializeResourceEvent e, CancellationToken cancellationToken)
    {
        if (LocalRunOptOut.IsExternal(pattern))
        {
            return;
        }

        foreach (var warning in new[] { CloudOnlyOptions.Warning(pattern), RuntimeLifecycle.Warning(pattern.Name, pattern.Handler.Runtime) })
        {
            if (warning is not null)
            {
                // Once per run, in the pattern's log (dashboard) and in the AppHost's console.
                e.Logger.LogWarning("{Warning}", warning);
                e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DynamoStreamsLambdaBuilderExtensions)).LogWarning("{Warning}", warning);
            }
        }

        await DynamoStreamsResourceStates.PublishAsync(e.Notifications, pattern, KnownResourceStates.Starting,
            ("dynamostreams.tableName", pattern.LocalTableName), ("dynamostreams.functionName", pattern.LocalFunctionName)).ConfigureAwait(false);
        try
        {
            var table = await pattern.SourceTableResource!.Created.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var console = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DynamoStreamsLambdaBuilderExtensions));
            var monitor = new PatternMonitor(pattern, e.Services.GetRequiredService<DynamoStreamsLocalRun>(), e.Notifications, e.Logger, console);
            _ = Task.Run(() => monitor.RunAsync(stopping), CancellationToken.None);
            if (pattern.DeadLetterQueueResource is { } dlq)
            {
                await dlq.Created.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (pattern.MappingResource is { } mapping)
            {
                await mapping.Started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            await DynamoStreamsResourceStates.PublishAsync(e.Notifications, pattern, KnownResourceStates.Running, ("dynamostreams.streamArn", table.StreamArn)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            e.Logger.LogError("Pattern '{Pattern}' could not start: {Message}", pattern.Name, ex.Message);
            await DynamoStreamsResourceStates.PublishAsync(e.Notifications, pattern, KnownResourceStates.FailedToStart).ConfigureAwait(false);
        }
    }
}
