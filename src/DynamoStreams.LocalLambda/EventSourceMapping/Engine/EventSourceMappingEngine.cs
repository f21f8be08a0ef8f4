using System.Collections.Concurrent;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Hosts the local event-source mappings of one application: validates them like <c>CreateEventSourceMapping</c>,
/// runs them against a stream source, a function invoker and a failure destination, and keeps their checkpoints.
/// </summary>
/// <example>
/// <code>
/// var engine = new EventSourceMappingEngine(streamSource, invoker, new InMemoryCheckpointStore(), sqsDestination);
/// var mapping = engine.CreateMapping(new EventSourceMappingOptions
/// {
///     EventSourceArn = table.LatestStreamArn,
///     FunctionName = "order-handler",
///     StartingPosition = "TRIM_HORIZON",
///     BisectBatchOnFunctionError = true,
///     MaximumRetryAttempts = 3,
///     DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = dlqArn } },
/// });
/// await engine.StartAsync();
/// </code>
/// </example>
public sealed class EventSourceMappingEngine : IAsyncDisposable
{
    private readonly IStreamSource _source;
    private readonly IFunctionInvoker _invoker;
    private readonly ICheckpointStore _checkpoints;
    private readonly IFailureDestination? _destination;
    private readonly EventSourceMappingEngineOptions _options;
    private readonly ConcurrentDictionary<string, EventSourceMapping> _mappings = new(StringComparer.Ordinal);

    /// <summary>Initializes the engine.</summary>
    /// <param name="source">Where streams are read.</param>
    /// <param name="invoker">How functions are invoked.</param>
    /// <param name="checkpoints">Where positions are kept; reuse the instance across restarts to resume.</param>
    /// <param name="destination">Where OnFailure documents go; required by mappings with an OnFailure destination.</param>
    /// <param name="options">Local settings (clock, backoff, discovery interval, logging).</param>
    public EventSourceMappingEngine(
        IStreamSource source,
        IFunctionInvoker invoker,
        ICheckpointStore checkpoints,
        IFailureDestination? destination = null,
        EventSourceMappingEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(checkpoints);
        _source = source;
        _invoker = invoker;
        _checkpoints = checkpoints;
        _destination = destination;
        _options = options ?? new EventSourceMappingEngineOptions();
    }

    /// <summary>Gets the mappings.</summary>
    public IReadOnlyCollection<EventSourceMapping> Mappings => _mappings.Values.ToList();

    /// <summary>Validates the parameters as AWS does and adds a mapping (not started).</summary>
    /// <param name="options">The mapping's parameters.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="Errors.LambdaServiceException">A parameter is invalid (AWS's error type and message).</exception>
    /// <exception cref="NotSupportedException">The OnFailure destination cannot be served locally.</exception>
    /// <exception cref="InvalidOperationException">A mapping with the same UUID exists.</exception>
    public EventSourceMapping CreateMapping(EventSourceMappingOptions options) => CreateMapping(options, logger: null);

    /// <summary>Validates the parameters as AWS does and adds a mapping (not started) that logs to its own logger.</summary>
    /// <param name="options">The mapping's parameters.</param>
    /// <param name="logger">Receives the mapping's events (retries, bisects, discards, filter summaries, shards); null for the engine's logger factory.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="Errors.LambdaServiceException">A parameter is invalid (AWS's error type and message).</exception>
    /// <exception cref="NotSupportedException">The OnFailure destination cannot be served locally.</exception>
    /// <exception cref="InvalidOperationException">A mapping with the same UUID exists.</exception>
    public EventSourceMapping CreateMapping(EventSourceMappingOptions options, ILogger? logger)
    {
        var configuration = EventSourceMappingValidator.Validate(options);
        if (configuration.OnFailureDestination is { } destination)
        {
            if (!destination.Contains(":sqs:", StringComparison.Ordinal))
            {
                throw new NotSupportedException(
                    $"DestinationConfig.OnFailure.Destination '{destination}' is an SNS topic; the local engine delivers OnFailure records to SQS queues only. Use an SQS queue ARN for local runs.");
            }

            if (_destination is null)
            {
                throw new InvalidOperationException(
                    $"Mapping for {configuration.FunctionShortName} has DestinationConfig.OnFailure '{destination}', but the engine was created without an IFailureDestination; pass one (the emulator's SQS or SqsFailureDestination).");
            }
        }

        logger ??= (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EventSourceMapping>();
        var mapping = new EventSourceMapping(new MappingContext
        {
            Configuration = configuration,
            Options = _options,
            Source = _source,
            Invoker = _invoker,
            Destination = _destination,
            Checkpoints = _checkpoints,
            Logger = logger,
            Gate = new PauseGate(configuration.Enabled),
        });
        if (!_mappings.TryAdd(configuration.Uuid, mapping))
        {
            throw new InvalidOperationException($"An event source mapping with UUID {configuration.Uuid} already exists.");
        }

        return mapping;
    }

    /// <summary>Returns the mapping with a UUID, or null.</summary>
    /// <param name="uuid">The mapping's UUID.</param>
    /// <returns>The mapping, or null.</returns>
    public EventSourceMapping? GetMapping(string uuid) => _mappings.GetValueOrDefault(uuid);

    /// <summary>Stops and removes a mapping; its checkpoints stay in the store.</summary>
    /// <param name="uuid">The mapping's UUID.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when the mapping existed.</returns>
    public async Task<bool> DeleteMappingAsync(string uuid, CancellationToken cancellationToken = default)
    {
        if (!_mappings.TryRemove(uuid, out var mapping))
        {
            return false;
        }

        await mapping.StopAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Starts every mapping.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when all run.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var mapping in _mappings.Values)
        {
            await mapping.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every mapping (checkpoints stay; a new engine with the same store resumes).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when nothing runs.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(_mappings.Values.Select(m => m.StopAsync(cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Stops every mapping.</summary>
    /// <returns>A task that completes when nothing runs.</returns>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
