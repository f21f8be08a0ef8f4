using DynamoStreams.LocalLambda.NodeRuntime;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Runs a Node.js handler (<c>index.handler</c> in a code folder) through the runtime shim shipped with this package
/// (<see cref="NodeRuntimeShim"/>), which implements the Runtime API loop for async and callback handlers.
/// </summary>
public sealed class NodeFunctionRunner : IFunctionProcessRunner
{
    private readonly NodeFunctionRunnerOptions _options;
    private readonly string _shimPath;

    /// <summary>Initializes a runner for the code in <paramref name="codeDirectory"/>.</summary>
    /// <param name="codeDirectory">The folder holding the handler module (the task root).</param>
    /// <param name="options">Handler, node executable and shim location; defaults when <see langword="null"/>.</param>
    public NodeFunctionRunner(string codeDirectory, NodeFunctionRunnerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(codeDirectory);
        _options = options ?? new NodeFunctionRunnerOptions();
        ArgumentException.ThrowIfNullOrEmpty(_options.Handler, "options.Handler");
        ArgumentException.ThrowIfNullOrEmpty(_options.NodeExecutable, "options.NodeExecutable");
        _shimPath = Path.GetFullPath(_options.ShimPath ?? NodeRuntimeShim.FilePath);
        Runtime = new FunctionRuntimeInfo(
            _options.Handler,
            Path.GetFullPath(codeDirectory),
            Path.GetDirectoryName(_shimPath)!,
            _options.ExecutionEnvironment);
    }

    /// <inheritdoc />
    public FunctionRuntimeInfo Runtime { get; }

    /// <inheritdoc />
    public Task<FunctionProcess> StartAsync(IReadOnlyDictionary<string, string> environment, ILogger logger, CancellationToken cancellationToken) =>
        FunctionProcessLauncher.StartAsync(environment, logger, Runtime.TaskRoot, Command, cancellationToken);

    private (string FileName, IEnumerable<string> Arguments) Command()
    {
        if (!Directory.Exists(Runtime.TaskRoot))
        {
            throw new FunctionInitException(
                "Runtime.ImportModuleError",
                $"Error: The code folder '{Runtime.TaskRoot}' does not exist. Point the function at the folder holding {_options.Handler.Split('.')[0]}.js.");
        }

        if (!File.Exists(_shimPath))
        {
            throw new FunctionInitException(
                "Runtime.InvalidEntrypoint",
                $"The Node.js runtime shim '{_shimPath}' is missing. Point NodeFunctionRunnerOptions.ShimPath at an existing file, or leave it unset to use the shim embedded in DynamoStreams.LocalLambda.");
        }

        return (_options.NodeExecutable, [_shimPath]);
    }
}
