using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local;
using Aspire.Hosting.DynamoStreams.Local.Lambda;
using Aspire.Hosting.DynamoStreams.Validation;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;

namespace Aspire.Hosting.DynamoStreams.Extensibility;

/// <summary>
/// The extension point for run modes that run a pattern somewhere other than the local emulation, such as the AWS run
/// mode of DynamoStreams.Aspire.Hosting.Cdk (<c>RunInAws()</c>): take the pattern out of the local run, optionally run
/// its handler locally against a stream the run mode provides, and report problems the way the local run does.
/// </summary>
/// <remarks>
/// The local run owns everything else: other patterns keep running against the emulator, and the shared emulator and
/// Runtime API host leave the model only when no pattern needs them.
/// </remarks>
public static class DynamoStreamsRunModes
{
    /// <summary>
    /// Takes a pattern out of the local run: its table, mapping and queue resources (and its function resource, unless
    /// <see cref="ExternalRun.KeepsHandler"/>) leave the model, its local start-up and health check are skipped, and
    /// referencing projects get their environment from <see cref="ExternalRun.AddEnvironmentAsync"/>. Calling it again
    /// for the same pattern does nothing. In publish mode only the marker is added.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="run">Where it runs and how referencing projects get their settings.</param>
    /// <exception cref="DistributedApplicationException">
    /// At start, when a local pattern reads this pattern's table (<c>WithExistingTable</c>), which no longer exists locally.
    /// </exception>
    public static void RunElsewhere(IDistributedApplicationBuilder builder, DynamoStreamsLambdaResource pattern, ExternalRun run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(run);
        LocalRunOptOut.Apply(builder, pattern, run.Target, run.AddEnvironmentAsync, run.KeepsHandler);
    }

    /// <summary>Gets whether a run mode took the pattern out of the local run.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>True after <see cref="RunElsewhere"/>.</returns>
    public static bool RunsElsewhere(DynamoStreamsLambdaResource pattern) => LocalRunOptOut.IsExternal(pattern);

    /// <summary>
    /// Runs the pattern's handler locally against an external stream: the function is registered with the AppHost's
    /// Runtime API host (its process starts as in the local run) and an event-source mapping of its own reads
    /// <paramref name="stream"/> with the pattern's declared event-source parameters. Call it once the stream is known,
    /// for a pattern taken out with <see cref="ExternalRun.KeepsHandler"/>.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="services">The AppHost services.</param>
    /// <param name="stream">The stream, its region and account, and the clients that reach it.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running mapping; the Runtime API host stops it with the AppHost.</returns>
    public static Task<EventSourceMapping> StartLocalHandlerAsync(DynamoStreamsLambdaResource pattern, IServiceProvider services, ExternalStream stream, CancellationToken cancellationToken) =>
        ExternalStreamHandler.StartAsync(pattern, services, stream, cancellationToken);

    /// <summary>
    /// Reports that the run mode could not start the pattern, so that its local handler (which waits for the external
    /// settings before its process starts) fails with the same reason instead of waiting forever.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="exception">Why the start failed.</param>
    public static void ReportStartFailure(DynamoStreamsLambdaResource pattern, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(exception);
        pattern.FunctionEnvironment.TrySetException(exception);
    }

    /// <summary>
    /// Creates the exception for a bad declaration, worded as the AppHost's own validation words it: the pattern's name,
    /// then what is wrong and how to fix it.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    /// <returns>The exception to throw.</returns>
    public static DistributedApplicationException ConfigurationError(DynamoStreamsLambdaResource pattern, string problem)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return DynamoStreamsLambdaValidator.Fail(pattern, problem);
    }

    /// <summary>Gets the warning for a handler that names a Lambda runtime AWS deprecates, or null when it does not.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The warning, naming the dates and the successor runtime, or null.</returns>
    public static string? RuntimeDeprecationWarning(DynamoStreamsLambdaResource pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return RuntimeLifecycle.Warning(pattern.Name, pattern.Handler.Runtime);
    }
}
