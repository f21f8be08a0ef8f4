using System.Text.Json;
using DynamoStreams.LocalLambda.RuntimeApi;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Tests.Infrastructure;

/// <summary>
/// Shares one Runtime API host (real Kestrel on loopback, port 0) per test class.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private int _counter;

    public LambdaRuntimeApiHost Host { get; private set; } = null!;

    public ListLoggerProvider Logs { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Creates a function name unique within the host.</summary>
    public string NewName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}";

    /// <summary>Invokes a function with <paramref name="payload"/> as JSON; the test fails if no answer comes within <paramref name="wait"/>.</summary>
    public Task<InvocationResult> InvokeJsonAsync(RegisteredFunction function, object payload, TimeSpan wait) =>
        Host.InvokeAsync(function.Name, JsonSerializer.SerializeToUtf8Bytes(payload), null, CancellationToken.None).WaitAsync(wait);

    public async Task InitializeAsync()
    {
        var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        Host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), loggerFactory, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
