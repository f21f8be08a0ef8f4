using Aspire.Hosting.ApplicationModel;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using Amazon.Runtime;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.InProcess;
using DynamoStreams.LocalLambda.RuntimeApi;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Holds the AppHost's Runtime API host and mapping engine for a local run, and stops them when the AppHost stops.
/// </summary>
/// <param name="run">The emulator side of the run.</param>
/// <param name="health">Records how invocations end, for the functions' health checks.</param>
internal sealed class LocalLambdaRun(DynamoStreamsLocalRun run, FunctionHealthTracker health) : IAsyncDisposable
{
    private readonly SemaphoreSlim _engineLock = new(1, 1);
    private readonly TaskCompletionSource<LambdaRuntimeApiHost> _host = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EventSourceMappingEngine? _engine;
    private readonly List<EventSourceMappingEngine> _externalEngines = [];
    private readonly HttpClient _http = new();
    private int _disposed;

    /// <summary>Gets the runtime host once it listens.</summary>
    public Task<LambdaRuntimeApiHost> Host => _host.Task;

    /// <summary>
    /// Starts the Runtime API host on a free loopback port.
    /// </summary>
    /// <param name="loggerFactory">Receives the host's logs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The host.</returns>
    public async Task<LambdaRuntimeApiHost> StartHostAsync(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        try
        {
            var host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions { Port = 0 }, loggerFactory, cancellationToken).ConfigureAwait(false);
            _host.TrySetResult(host);
            return host;
        }
        catch (Exception ex)
        {
            _host.TrySetException(ex);
            throw;
        }
    }

    /// <summary>
    /// Gets the mapping engine, creating it on first use over the emulator's streams and queues.
    /// </summary>
    /// <param name="emulator">The emulator resource (for the data directory).</param>
    /// <param name="loggerFactory">Receives the engine's logs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The engine.</returns>
    public async Task<EventSourceMappingEngine> GetEngineAsync(DynamoStreamsEmulatorResource emulator, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        await _engineLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_engine is null)
            {
                var host = await Host.WaitAsync(cancellationToken).ConfigureAwait(false);
                var emulatorInstance = run.Emulator ?? throw new InvalidOperationException("The emulator has not started.");
                // Checkpoints live in the emulator's journal, so they are written with (and restored with) the
                // stream they point into; without a data directory the store is in memory for the AppHost's life.
                var checkpoints = new DurableCheckpointStore(emulatorInstance.DurableStore);
                IStreamSource streams = emulator.DynamoDBLocal is { } dynamoDBLocal
                    ? new HttpStreamSource(new DynamoDbStreamsClient(_http, await dynamoDBLocal.EndpointSource.Task.WaitAsync(cancellationToken).ConfigureAwait(false),
                        emulator.Region, new BasicAWSCredentials(LocalEnvironment.LocalCredential, LocalEnvironment.LocalCredential)))
                    : new EmulatorStreamSource(emulatorInstance.Streams);
                _engine = new EventSourceMappingEngine(
                    streams,
                    new RuntimeHostInvoker(host, health),
                    checkpoints,
                    new EmulatorQueueDestination(emulatorInstance.Queues),
                    new EventSourceMappingEngineOptions { LoggerFactory = loggerFactory });
            }

            return _engine;
        }
        finally
        {
            _engineLock.Release();
        }
    }

    /// <summary>
    /// Takes ownership of an engine that reads an external stream (the AWS run mode's local handler), so it stops with
    /// the run, before the runtime host.
    /// </summary>
    /// <param name="engine">The engine.</param>
    public void Own(EventSourceMappingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        lock (_externalEngines)
        {
            _externalEngines.Add(engine);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_engine is not null)
        {
            await _engine.DisposeAsync().ConfigureAwait(false);
        }

        EventSourceMappingEngine[] external;
        lock (_externalEngines)
        {
            external = [.. _externalEngines];
        }

        foreach (var engine in external)
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }

        if (_host.Task.IsCompletedSuccessfully)
        {
            await _host.Task.Result.DisposeAsync().ConfigureAwait(false);
        }

        _engineLock.Dispose();
        _http.Dispose();
    }
}
