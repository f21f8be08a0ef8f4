using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Holds what every part of one running mapping shares.</summary>
internal sealed class MappingContext
{
    private string _lastProcessingResult = EventSourceMappingState.NoRecordsProcessed;
    private string? _lastEngineError;
    private ProcessingCondition _condition = ProcessingCondition.Idle;
    private EventSourceMappingCounters? _counters;

    public required EventSourceMappingConfiguration Configuration { get; init; }

    public required EventSourceMappingEngineOptions Options { get; init; }

    public required IStreamSource Source { get; init; }

    public required IFunctionInvoker Invoker { get; init; }

    public required IFailureDestination? Destination { get; init; }

    public required ICheckpointStore Checkpoints { get; init; }

    public required ILogger Logger { get; init; }

    public EventSourceMappingCounters Counters =>
        LazyInitializer.EnsureInitialized(ref _counters, () => new EventSourceMappingCounters(Configuration.Uuid, Configuration.FunctionShortName));

    public required PauseGate Gate { get; init; }

    public TimeProvider Time => Options.TimeProvider;

    public string LastProcessingResult
    {
        get => Volatile.Read(ref _lastProcessingResult);
        set => Volatile.Write(ref _lastProcessingResult, value);
    }

    public ProcessingCondition Condition
    {
        get => Volatile.Read(ref _condition);
        set => Volatile.Write(ref _condition, value);
    }

    public string? LastEngineError
    {
        get => Volatile.Read(ref _lastEngineError);
        set => Volatile.Write(ref _lastEngineError, value);
    }

    /// <summary>Waits before retry <paramref name="attempt"/>, using the injected clock.</summary>
    public Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = Options.RetryBackoff(attempt);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, Time, cancellationToken);
    }
}
