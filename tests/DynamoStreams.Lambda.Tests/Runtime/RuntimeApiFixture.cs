using System.Text;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.Lambda.Tests.Runtime;

/// <summary>
/// One real Runtime API host (DynamoStreams.LocalLambda, Kestrel on loopback port 0) for all tests of a class.
/// </summary>
public sealed class RuntimeApiFixture : IAsyncLifetime
{
    private int _counter;

    public LambdaRuntimeApiHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), loggerFactory: null, CancellationToken.None);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Registers a function whose runtime is started by the test (in-process loop or a process).</summary>
    public Task<RegisteredFunction> RegisterAsync(string prefix, TimeSpan? timeout = null) =>
        Host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = $"{prefix}-{Interlocked.Increment(ref _counter)}", Timeout = timeout ?? TimeSpan.FromSeconds(30) },
            runner: null,
            CancellationToken.None);

    public Task<InvocationResult> InvokeAsync(RegisteredFunction function, string payload, InvokeOptions? options = null) =>
        Host.InvokeAsync(function.Name, Encoding.UTF8.GetBytes(payload), options, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
}
