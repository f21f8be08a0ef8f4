using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.RealHandler;

/// <summary>One Runtime API host (real Kestrel, port 0) per test class, running the Node stream handler as real processes.</summary>
public sealed class RuntimeHostFixture : IAsyncLifetime
{
    private int _counter;

    public LambdaRuntimeApiHost Host { get; private set; } = null!;

    public static string HandlerDirectory => Path.Combine(AppContext.BaseDirectory, "TestFunctions", "esm");

    public async Task InitializeAsync() =>
        Host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), null, CancellationToken.None);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Registers the Node stream handler under a new name; its invocations are logged to a file.</summary>
    /// <remarks>
    /// The 30 s default timeout is far above what the handler needs: a timeout that kills the process before it logs
    /// would lose an invocation from the log on a loaded machine. Tests of timeouts pass their own.
    /// </remarks>
    public async Task<HandlerLog> RegisterHandlerAsync(string prefix, int timeoutSeconds = 30)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _counter)}";
        var folder = Directory.CreateTempSubdirectory("esm-handler-").FullName;
        var log = new HandlerLog(name, Path.Combine(folder, "invocations.jsonl"), Path.Combine(folder, "exited"));
        await Host.RegisterFunctionAsync(
            new LambdaFunctionOptions
            {
                Name = name,
                Timeout = TimeSpan.FromSeconds(timeoutSeconds),
                Environment = new Dictionary<string, string>
                {
                    ["ESM_RECORD_FILE"] = log.RecordFile,
                    ["ESM_EXIT_FILE"] = log.ExitFile,
                },
            },
            new NodeFunctionRunner(HandlerDirectory),
            CancellationToken.None);
        return log;
    }
}
