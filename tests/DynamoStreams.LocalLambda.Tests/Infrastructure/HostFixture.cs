using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.LocalLambda.Tests.Infrastructure;

/// <summary>
/// Shares one Runtime API host (real Kestrel on loopback, port 0) per test class.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private int _counter;

    public LambdaRuntimeApiHost Host { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Creates a function name unique within the host.</summary>
    public string NewName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}";

    public async Task InitializeAsync() =>
        Host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
