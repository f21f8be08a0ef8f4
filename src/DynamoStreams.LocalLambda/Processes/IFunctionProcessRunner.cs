using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Starts a function's runtime process: environment in, process out. The host's supervisor uses it to run and restart
/// processes; an orchestrator that starts processes itself (Aspire) uses <see cref="FunctionEnvironment.Create"/> alone.
/// </summary>
public interface IFunctionProcessRunner
{
    /// <summary>Gets what the runner reports to the function: handler string, task root and execution environment.</summary>
    FunctionRuntimeInfo Runtime { get; }

    /// <summary>
    /// Starts one runtime process with exactly <paramref name="environment"/> (plus the few host variables a process
    /// needs to start, see <see cref="FunctionEnvironment.PassThroughVariables"/>), its output written to <paramref name="logger"/>.
    /// </summary>
    /// <param name="environment">The full environment of spec C.3, usually from <see cref="FunctionEnvironment.Create"/>.</param>
    /// <param name="logger">Receives the process's stdout (Information) and stderr (Warning) line by line.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started process.</returns>
    /// <exception cref="FunctionInitException">The function cannot start (for example a malformed handler string).</exception>
    Task<FunctionProcess> StartAsync(
        IReadOnlyDictionary<string, string> environment,
        ILogger logger,
        CancellationToken cancellationToken);
}
