using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Runs one event-source mapping: reads its stream and invokes its function with AWS's semantics (spec B). Create it
/// with <see cref="EventSourceMappingEngine.CreateMapping(Configuration.EventSourceMappingOptions)"/>; operations here are what the dashboard commands call.
/// </summary>
public sealed class EventSourceMapping : IAsyncDisposable
{
    private readonly MappingContext _context;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private CancellationTokenSource? _run;
    private Task? _runTask;
    private ShardCoordinator? _coordinator;
    private string _state = EventSourceMappingState.Creating;
    private string _reason = "USER_INITIATED";
    private DateTimeOffset _lastModified;

    internal EventSourceMapping(MappingContext context)
    {
        _context = context;
        _lastModified = context.Time.GetUtcNow();
    }

    /// <summary>Gets the mapping's identifier.</summary>
    public string Uuid => _context.Configuration.Uuid;

    /// <summary>Gets the mapping's validated configuration.</summary>
    public EventSourceMappingConfiguration Configuration => _context.Configuration;

    /// <summary>Gets whether the mapping is running (started and not stopped).</summary>
    public bool IsRunning => _runTask is { IsCompleted: false };

    /// <summary>Starts reading from the checkpoints (or the starting position); does nothing when already running.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the mapping runs.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            StartLocked(fromTrimHorizon: false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops reading; in-flight invocations are abandoned and their records delivered again after a restart.</summary>
    /// <param name="cancellationToken">Cancels the wait for the stop.</param>
    /// <returns>A task that completes when nothing runs.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopLockedAsync().ConfigureAwait(false);
            SetState(EventSourceMappingState.Disabled, "Engine stopped");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Enables or disables the mapping at run time; a re-enabled mapping resumes at its checkpoint (spec B.1).</summary>
    /// <param name="enabled">True to enable.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is set.</returns>
    public async Task SetEnabledAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _context.Gate.Set(enabled);
            SetState(enabled ? EventSourceMappingState.Enabled : EventSourceMappingState.Disabled, "USER_INITIATED");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Forgets every checkpoint and reads the stream again from TRIM_HORIZON.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the replay has started.</returns>
    public async Task ReplayFromTrimHorizonAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wasRunning = _runTask is not null;
            await StopLockedAsync().ConfigureAwait(false);
            await _context.Checkpoints.ClearAsync(Uuid, cancellationToken).ConfigureAwait(false);
            if (wasRunning)
            {
                StartLocked(fromTrimHorizon: true);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Re-reads the sequence range of an OnFailure document (for example a dead-letter queue message body) from the
    /// stream and delivers it again with the mapping's retry settings; checkpoints are not touched.
    /// </summary>
    /// <param name="failureDocument">The document's JSON.</param>
    /// <param name="cancellationToken">Cancels the redrive.</param>
    /// <returns>What happened to the range.</returns>
    /// <exception cref="FormatException">The text is not an OnFailure document.</exception>
    /// <exception cref="ArgumentException">The document belongs to another stream.</exception>
    public Task<RedriveResult> RedriveAsync(string failureDocument, CancellationToken cancellationToken = default) =>
        RedriveAsync(OnFailureDocument.Parse(failureDocument), cancellationToken);

    /// <summary>Re-reads an OnFailure document's range and delivers it again (see <see cref="RedriveAsync(string, CancellationToken)"/>).</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the redrive.</param>
    /// <returns>What happened to the range.</returns>
    public async Task<RedriveResult> RedriveAsync(OnFailureDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var config = _context.Configuration;
        if (document.StreamArn != config.EventSourceArn)
        {
            throw new ArgumentException(
                $"The OnFailure document is for stream {document.StreamArn}, but mapping {Uuid} reads {config.EventSourceArn}; redrive it with the mapping of that stream.",
                nameof(document));
        }

        var records = await ReadRangeAsync(document, cancellationToken).ConfigureAwait(false);
        var owner = new RedriveBatchOwner(_context, document.ShardId);
        var processor = new BatchProcessor(_context, new PauseGate(open: true));
        foreach (var chunk in records.Chunk(config.BatchSize))
        {
            await processor.ProcessAsync([.. chunk], owner, cancellationToken).ConfigureAwait(false);
        }

        _context.Logger.LogInformation(
            "Mapping {Uuid}: redrove {Found} records of {Shard} ({Delivered} delivered, {Discarded} discarded)",
            Uuid, records.Count, document.ShardId, owner.Delivered, owner.Discarded);
        return new RedriveResult(records.Count, owner.Delivered, owner.Discarded);
    }

    /// <summary>
    /// Re-reads the stream records an OnFailure document (a dead-letter message body) points to, as the function
    /// received them, while they are still in the stream; checkpoints are not touched and nothing is invoked.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Each record's JSON, in sequence order (empty once the stream has trimmed them).</returns>
    /// <exception cref="ArgumentException">The document belongs to another stream.</exception>
    public async Task<IReadOnlyList<string>> ReadFailedRecordsAsync(OnFailureDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.StreamArn != _context.Configuration.EventSourceArn)
        {
            throw new ArgumentException(
                $"The OnFailure document is for stream {document.StreamArn}, but mapping {Uuid} reads {_context.Configuration.EventSourceArn}.", nameof(document));
        }

        var records = await ReadRangeAsync(document, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => System.Text.Encoding.UTF8.GetString(r.DeliveredJson))];
    }

    /// <summary>Returns the mapping's state, last result, counters and shard positions.</summary>
    /// <returns>The snapshot.</returns>
    public EventSourceMappingStatus GetStatus() => new()
    {
        Configuration = _context.Configuration,
        State = Volatile.Read(ref _state),
        StateTransitionReason = Volatile.Read(ref _reason),
        LastModified = _lastModified,
        LastProcessingResult = _context.LastProcessingResult,
        LastEngineError = _context.LastEngineError,
        Condition = _context.Condition,
        Metrics = _context.Counters.Snapshot(),
        Shards = _coordinator?.Shards ?? [],
    };

    /// <summary>Stops the mapping.</summary>
    /// <returns>A task that completes when nothing runs.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _lifecycle.Dispose();
    }

    private void StartLocked(bool fromTrimHorizon)
    {
        if (_runTask is not null)
        {
            return;
        }

        _run = new CancellationTokenSource();
        _coordinator = new ShardCoordinator(_context, fromTrimHorizon);
        _runTask = RunAsync(_coordinator, _run.Token);
        SetState(_context.Gate.IsOpen ? EventSourceMappingState.Enabled : EventSourceMappingState.Disabled, "USER_INITIATED");
    }

    private async Task StopLockedAsync()
    {
        if (_run is null || _runTask is null)
        {
            return;
        }

        await _run.CancelAsync().ConfigureAwait(false);
        try
        {
            await _runTask.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _run.Dispose();
        _run = null;
        _runTask = null;
    }

    private async Task RunAsync(ShardCoordinator coordinator, CancellationToken cancellationToken)
    {
        await Task.Yield();
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await coordinator.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _context.LastEngineError = ex.Message;
                _context.Logger.LogError(ex, "Mapping {Uuid} failed; restarting from its checkpoints", Uuid);
                await _context.BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<List<PendingRecord>> ReadRangeAsync(OnFailureDocument document, CancellationToken cancellationToken)
    {
        var config = _context.Configuration;
        var records = new List<PendingRecord>();
        var reader = await _context.Source.OpenShardAsync(config.EventSourceArn, document.ShardId, ShardPosition.At(document.StartSequenceNumber), cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (true)
            {
                var page = await reader.ReadAsync(1000, cancellationToken).ConfigureAwait(false);
                foreach (var record in page.Records)
                {
                    if (SequenceNumbers.Compare(record.SequenceNumber, document.EndSequenceNumber) > 0)
                    {
                        return records;
                    }

                    if (SequenceNumbers.Compare(record.SequenceNumber, document.StartSequenceNumber) >= 0)
                    {
                        records.Add(new PendingRecord(record, EventPayload.ToDelivered(record.Json.Span, config.EventSourceArn), -1));
                    }
                }

                if (page.EndOfShard || page.Records.Count == 0)
                {
                    return records;
                }
            }
        }
    }

    private void SetState(string state, string reason)
    {
        Volatile.Write(ref _state, state);
        Volatile.Write(ref _reason, reason);
        _lastModified = _context.Time.GetUtcNow();
    }
}
