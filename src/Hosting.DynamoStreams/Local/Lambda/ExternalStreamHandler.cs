using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuntimeFunctionOptions = DynamoStreams.LocalLambda.RuntimeApi.LambdaFunctionOptions;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Runs a pattern's handler locally against a stream outside the local run (the AWS run mode's local handler): the
/// function is registered with the AppHost's Runtime API host and a mapping engine of its own reads the given stream
/// with the declared event-source parameters, sending OnFailure documents to the given destination.
/// </summary>
internal static class ExternalStreamHandler
{
    private static readonly string[] s_localCredentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    /// <summary>
    /// Registers the function and starts its mapping over the target stream.
    /// </summary>
    /// <param name="pattern">The pattern (its handler stays in the run).</param>
    /// <param name="services">The AppHost services.</param>
    /// <param name="target">The external stream, queue, region, account and the clients that reach them.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running mapping.</returns>
    public static async Task<EventSourceMapping> StartAsync(DynamoStreamsLambdaResource pattern, IServiceProvider services, ExternalStream target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(target);
        var lambda = services.GetRequiredService<LocalLambdaRun>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var configuration = services.GetRequiredService<IConfiguration>();
        try
        {
            var host = await lambda.Host.WaitAsync(cancellationToken).ConfigureAwait(false);
            var options = new RuntimeFunctionOptions
            {
                Name = pattern.LocalFunctionName,
                Region = target.Region,
                AccountId = target.AccountId,
                Timeout = pattern.Function.Timeout,
                MemorySize = pattern.Function.MemorySize,
                Concurrency = LambdaWiring.Concurrency(pattern),
                DebuggerAttached = Debugger.IsAttached || configuration.GetValue<bool>(LambdaWiring.DisableTimeoutsKey),
                Environment = new Dictionary<string, string>(pattern.Function.Environment, StringComparer.Ordinal),
            };
            var registered = await host.RegisterFunctionAsync(options, runner: null, cancellationToken).ConfigureAwait(false);
            var environment = new Dictionary<string, string>(
                FunctionEnvironment.Create(options, registered.RuntimeApiAddress, LambdaWiring.RuntimeInfo(pattern)), StringComparer.Ordinal);
            foreach (var key in s_localCredentialVariables.Where(k => !pattern.Function.Environment.ContainsKey(k)))
            {
                // The emulator's placeholder keys would shadow the developer's credentials against real AWS.
                environment.Remove(key);
            }

            pattern.FunctionEnvironment.TrySetResult(environment);

            var engine = new EventSourceMappingEngine(target.Streams, new RuntimeHostInvoker(host, services.GetRequiredService<FunctionHealthTracker>()), target.Checkpoints, target.Destination,
                new EventSourceMappingEngineOptions { LoggerFactory = loggerFactory });
            lambda.Own(engine);
            var mapping = engine.CreateMapping(MappingOptionsFactory.Create(pattern, target.StreamArn, target.DeadLetterQueueArn));
            await mapping.StartAsync(cancellationToken).ConfigureAwait(false);
            return mapping;
        }
        catch (Exception ex)
        {
            pattern.FunctionEnvironment.TrySetException(ex);
            throw;
        }
    }
}
