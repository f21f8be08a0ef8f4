using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Starts a runner's process: the argument checks every <see cref="IFunctionProcessRunner"/> makes, then the
/// runner's own checks and command line, then the process with the function's environment.
/// </summary>
internal static class FunctionProcessLauncher
{
    /// <summary>Starts the process <paramref name="command"/> describes.</summary>
    /// <param name="environment">The function's environment.</param>
    /// <param name="logger">Receives the process's output.</param>
    /// <param name="workingDirectory">The task root.</param>
    /// <param name="command">Checks the runner's preconditions (throwing <see cref="FunctionInitException"/>) and gives the command line.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running process.</returns>
    public static Task<FunctionProcess> StartAsync(
        IReadOnlyDictionary<string, string> environment,
        ILogger logger,
        string workingDirectory,
        Func<(string FileName, IEnumerable<string> Arguments)> command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logger);
        cancellationToken.ThrowIfCancellationRequested();
        var (fileName, arguments) = command();
        var startInfo = ProcessStartInfoFactory.Create(fileName, arguments, workingDirectory, environment);
        return Task.FromResult(FunctionProcess.Start(startInfo, logger));
    }
}
