using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using Microsoft.Extensions.Time.Testing;
using Mapping = DynamoStreams.LocalLambda.EventSourceMapping.Engine.EventSourceMapping;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

/// <summary>Wires the real engine to the in-memory stream, a scripted function and a recording destination.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string DlqArn = "arn:aws:sqs:us-east-1:000000000000:orders-dlq";

    private readonly Action<EventSourceMappingOptions>? _configure;
    private EventSourceMappingEngine _engine;

    private EngineHarness(Action<EventSourceMappingOptions>? configure)
    {
        _configure = configure;
        Source = new MemoryStreamSource(Time);
        (_engine, Mapping) = CreateEngine();
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public MemoryStreamSource Source { get; }

    public ScriptedInvoker Function { get; } = new();

    public RecordingDestination Dlq { get; } = new();

    public InMemoryCheckpointStore Checkpoints { get; } = new();

    public Mapping Mapping { get; private set; }

    public IReadOnlyList<Invocation> Invocations => Function.Invocations;

    public EventSourceMappingStatus Status => Mapping.GetStatus();

    public static EngineHarness Create(Action<EventSourceMappingOptions>? configure = null) => new(configure);

    public void Append(int from, int to, string partitionKey = "A")
    {
        for (var n = from; n <= to; n++)
        {
            Source.Append(partitionKey, n);
        }
    }

    public Task StartAsync() => Mapping.StartAsync();

    public Task WaitForInvocationsAsync(int count) =>
        Eventually.WaitAsync(() => Invocations.Count >= count, $"{count} invocations (have {Invocations.Count}: {string.Join(" ", Invocations.Select(i => i.Range))})");

    public Task WaitForCheckpointAsync(string sequenceNumber) =>
        Eventually.WaitAsync(() => Status.Shards.Any(s => s.Checkpoint == sequenceNumber), $"checkpoint {sequenceNumber}");

    /// <summary>Stops the engine and starts a new one over the same stream and checkpoint store.</summary>
    public async Task RestartEngineAsync()
    {
        await _engine.DisposeAsync();
        (_engine, Mapping) = CreateEngine();
        await Mapping.StartAsync();
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    private (EventSourceMappingEngine, Mapping) CreateEngine()
    {
        var engine = new EventSourceMappingEngine(Source, Function, Checkpoints, Dlq, new EventSourceMappingEngineOptions
        {
            TimeProvider = Time,
            RetryBackoff = _ => TimeSpan.Zero,
        });
        var options = new EventSourceMappingOptions
        {
            Uuid = "6f1e2a8c-0d7e-4a5b-9c3d-2b1a0f9e8d7c",
            EventSourceArn = MemoryStreamSource.Arn,
            FunctionName = "order-handler",
            StartingPosition = "TRIM_HORIZON",
        };
        _configure?.Invoke(options);
        return (engine, engine.CreateMapping(options));
    }
}
