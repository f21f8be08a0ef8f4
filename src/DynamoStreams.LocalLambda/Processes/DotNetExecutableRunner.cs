using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Runs a .NET handler from its build or publish output: <c>dotnet &lt;app&gt;.dll</c>, or an apphost / a
/// <c>bootstrap</c> executable directly. The app runs the Runtime API loop itself (for example with
/// <c>LambdaRuntime.RunAsync</c>), as an executable-assembly handler or a <c>provided.al2023</c> bootstrap does.
/// </summary>
public sealed class DotNetExecutableRunner : IFunctionProcessRunner
{
    private readonly string _path;
    private readonly DotNetExecutableRunnerOptions _options;

    /// <summary>Initializes a runner for the app at <paramref name="path"/>.</summary>
    /// <param name="path">The app's <c>.dll</c>, apphost or <c>bootstrap</c> executable.</param>
    /// <param name="options">Arguments, handler string and execution environment; defaults when <see langword="null"/>.</param>
    public DotNetExecutableRunner(string path, DotNetExecutableRunnerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _options = options ?? new DotNetExecutableRunnerOptions();
        var directory = Path.GetDirectoryName(_path)!;
        Runtime = new FunctionRuntimeInfo(
            _options.Handler ?? Path.GetFileNameWithoutExtension(_path),
            directory,
            directory,
            _options.ExecutionEnvironment);
    }

    /// <inheritdoc />
    public FunctionRuntimeInfo Runtime { get; }

    /// <inheritdoc />
    public Task<FunctionProcess> StartAsync(IReadOnlyDictionary<string, string> environment, ILogger logger, CancellationToken cancellationToken) =>
        FunctionProcessLauncher.StartAsync(environment, logger, Runtime.TaskRoot, Command, cancellationToken);

    private (string FileName, IEnumerable<string> Arguments) Command()
    {
        if (Runtime.Handler.Contains(HandlerInfo.Separator, StringComparison.Ordinal))
        {
            HandlerInfo.Parse(Runtime.Handler);
        }

        if (!File.Exists(_path))
        {
            throw new FunctionInitException(
                "Runtime.InvalidEntrypoint",
                $"The handler app '{_path}' does not exist. Build or publish the handler project (dotnet build) before invoking it.");
        }

        var isAssembly = _path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        return isAssembly
            ? (_options.DotNetHostPath ?? DotNetHost.Locate(), [_path, .. _options.Arguments])
            : (_path, _options.Arguments);
    }
}
