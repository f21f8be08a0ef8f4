using System.Diagnostics;
using System.Globalization;
using DynamoStreams.Contracts.EventSourceMapping;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Drives one batch to completion with the retry / bisect / age algorithm of spec B.5: every record ends processed by
/// the function or discarded (reported to the OnFailure destination when one is set); nothing else moves a checkpoint.
/// </summary>
internal sealed class BatchProcessor(MappingContext context, PauseGate? gate = null)
{
    private readonly MappingContext _context = context;
    private readonly PauseGate _gate = gate ?? context.Gate;

    /// <summary>Processes a batch; an empty batch is invoked once (a tumbling window's final invocation).</summary>
    public Task ProcessAsync(List<PendingRecord> batch, IBatchOwner owner, CancellationToken cancellationToken) =>
        ProcessRangeAsync(batch, owner, cancellationToken);

    private async Task ProcessRangeAsync(List<PendingRecord> range, IBatchOwner owner, CancellationToken cancellationToken)
    {
        var config = _context.Configuration;
        var attempt = new AttemptHistory();
        var emptyAllowed = range.Count == 0;
        while (true)
        {
            // spec B.5 #2: leading records past MaximumRecordAgeInSeconds (or the stream's retention) are discarded.
            var aged = CountAged(range);
            if (aged > 0)
            {
                await DiscardAsync(range[..aged], OnFailureDocument.RecordAgeExceeded, attempt, owner, cancellationToken).ConfigureAwait(false);
                range = range[aged..];
                if (range.Count == 0)
                {
                    return;
                }
            }

            if (range.Count == 0 && !emptyAllowed)
            {
                return;
            }

            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var result = await InvokeAsync(range, owner, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == FunctionInvocationOutcome.Throttled)
            {
                // spec B.4: throttles are retried until the records expire, not counted as retries, never bisected.
                _context.Counters.AddThrottle();
                attempt.Throttles++;
                _context.Condition = ProcessingCondition.Throttled(result.ErrorMessage, attempt.Throttles + 1, attempt.LastCause, attempt.LastError);
                _context.Logger.LogWarning(
                    "Mapping {Uuid}: invoking {Function} with {Count} records of {Shard} was throttled ({Message}); retrying",
                    config.Uuid, config.FunctionShortName, range.Count, owner.ShardId, result.ErrorMessage);
                await _context.BackoffAsync(attempt.Throttles, cancellationToken).ConfigureAwait(false);
                continue;
            }

            attempt.InvokeCount++;
            attempt.RequestId = result.RequestId ?? attempt.RequestId;
            string cause;
            string? error = null;
            var verdict = result.Outcome == FunctionInvocationOutcome.Success
                ? owner.Interpret(result.Payload, range)
                : new BatchVerdict(BatchVerdictKind.Failure, Reason: $"{result.ErrorType}: {result.ErrorMessage}");

            if (verdict.Kind == BatchVerdictKind.Success)
            {
                _context.LastProcessingResult = EventSourceMappingState.Ok;
                _context.Condition = ProcessingCondition.Healthy;
                _context.Counters.AddDelivered(range.Count);
                await owner.SucceededAsync(range, verdict, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (verdict.Kind == BatchVerdictKind.PartialFailure)
            {
                // spec B.4: checkpoint before the lowest failed record; retry from there (never halved, B.5).
                _context.LastProcessingResult = EventSourceMappingState.Ok;
                _context.Counters.AddDelivered(verdict.FirstFailedIndex);
                cause = string.Create(CultureInfo.InvariantCulture, $"function reported {range.Count - verdict.FirstFailedIndex} of {range.Count} records failed");
                _context.Logger.LogWarning(
                    "Mapping {Uuid}: the function reported a batch item failure at {Sequence} of {Shard}; {Delivered} records before it are done, the rest is invoked again",
                    config.Uuid, range[verdict.FirstFailedIndex].SequenceNumber, owner.ShardId, verdict.FirstFailedIndex);
                await owner.SucceededAsync(range[..verdict.FirstFailedIndex], verdict, cancellationToken).ConfigureAwait(false);
                range = range[verdict.FirstFailedIndex..];
                attempt.LastWasPartial = true;
            }
            else
            {
                _context.LastProcessingResult = EventSourceMappingState.FunctionCallFailed;
                _context.Counters.AddFunctionError();
                attempt.LastWasPartial = false;
                cause = result.InitFailed ? "function init failed" : ProcessingCondition.Cause(result.ErrorType);
                error = verdict.Reason;
                _context.Logger.LogWarning(
                    "Mapping {Uuid}: batch of {Count} records of {Shard} (sequence numbers {Start}..{End}) failed on attempt {Attempt}: {Reason}",
                    config.Uuid, range.Count, owner.ShardId, range[0].SequenceNumber, range[^1].SequenceNumber, attempt.InvokeCount, verdict.Reason);

                if (config.BisectBatchOnFunctionError && range.Count > 1)
                {
                    // spec B.5 #4: halve, first half first; each half starts with fresh retries.
                    _context.Counters.AddBisect();
                    var half = (range.Count + 1) / 2;
                    _context.Condition = ProcessingCondition.Bisecting(cause, range.Count, error);
                    _context.Logger.LogWarning(
                        "Mapping {Uuid}: bisecting the batch of {Count} records of {Shard} into {First} + {Second}",
                        config.Uuid, range.Count, owner.ShardId, half, range.Count - half);
                    await ProcessRangeAsync(range[..half], owner, cancellationToken).ConfigureAwait(false);
                    await ProcessRangeAsync(range[half..], owner, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }

            attempt.Retries++;
            attempt.LastError = error;
            attempt.LastCause = cause;
            if (!Unlimited.IsUnlimited(config.MaximumRetryAttempts) && attempt.Retries > config.MaximumRetryAttempts)
            {
                await DiscardAsync(range, OnFailureDocument.RetryAttemptsExhausted, attempt, owner, cancellationToken).ConfigureAwait(false);
                return;
            }

            _context.Counters.AddRetry();
            _context.Condition = ProcessingCondition.Retrying(cause, attempt.InvokeCount + 1, error);
            _context.Logger.LogInformation(
                "Mapping {Uuid}: retrying {Count} records of {Shard} (retry {Retry} of {Maximum})",
                config.Uuid, range.Count, owner.ShardId, attempt.Retries, Unlimited.IsUnlimited(config.MaximumRetryAttempts) ? "unlimited" : config.MaximumRetryAttempts.ToString(CultureInfo.InvariantCulture));
            await _context.BackoffAsync(attempt.Retries, cancellationToken).ConfigureAwait(false);
        }
    }

    private int CountAged(List<PendingRecord> range)
    {
        var now = _context.Time.GetUtcNow();
        var maxAge = _context.Configuration.MaximumRecordAgeInSeconds;
        var limit = Unlimited.IsUnlimited(maxAge) ? _context.Options.StreamRetention : TimeSpan.FromSeconds(Math.Min(maxAge, _context.Options.StreamRetention.TotalSeconds));
        var count = 0;
        while (count < range.Count && now - range[count].Record.ApproximateCreationDateTime > limit)
        {
            count++;
        }

        return count;
    }

    private async Task<FunctionInvocationResult> InvokeAsync(List<PendingRecord> range, IBatchOwner owner, CancellationToken cancellationToken)
    {
        var config = _context.Configuration;
        var links = range
            .Select(r => r.Record.WriterContext)
            .Where(c => c != default)
            .Distinct()
            .Select(c => new ActivityLink(c))
            .ToList();

        // One writer: continue its trace so writer → stream → handler reads as one trace; several: link them all.
        var parent = links.Count == 1 ? links[0].Context : default;
        using var activity = EventSourceMappingTelemetry.Source.StartActivity(
            $"{config.FunctionShortName} process", ActivityKind.Consumer, parent, links: links);
        activity?.SetTag("faas.trigger", "datasource");
        activity?.SetTag("aws.lambda.event_source_mapping.uuid", config.Uuid);
        activity?.SetTag("aws.dynamodb.stream_arn", config.EventSourceArn);
        activity?.SetTag("aws.dynamodb.shard_id", owner.ShardId);
        activity?.SetTag("messaging.batch.message_count", range.Count);

        _context.Counters.AddBatch();
        if (range.Count > 0)
        {
            _context.Counters.SetIteratorAge(_context.Time.GetUtcNow() - range[^1].Record.ApproximateCreationDateTime);
        }

        FunctionInvocationResult result;
        var started = _context.Time.GetTimestamp();
        try
        {
            result = await _context.Invoker.InvokeAsync(
                new FunctionInvocationRequest
                {
                    FunctionName = config.FunctionShortName,
                    Payload = owner.BuildPayload(range),
                    ParentContext = activity?.Context ?? parent,
                    Links = links,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An invoke that fails before the function runs is a service error: retried like a throttle (spec B.4).
            _context.LastEngineError = $"Invoke of {config.FunctionShortName} failed: {ex.Message}";
            _context.Logger.LogWarning(ex, "Mapping {Uuid}: invoking {Function} failed before the function ran", config.Uuid, config.FunctionShortName);
            result = FunctionInvocationResult.Throttled(ex.Message);
        }

        _context.Counters.RecordBatchDuration(_context.Time.GetElapsedTime(started));
        activity?.SetTag("aws.lambda.invocation.outcome", result.Outcome.ToString());
        if (result.Outcome != FunctionInvocationOutcome.Success)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.ErrorType);
        }

        return result;
    }

    private async Task DiscardAsync(List<PendingRecord> records, string condition, AttemptHistory attempt, IBatchOwner owner, CancellationToken cancellationToken)
    {
        var config = _context.Configuration;
        if (records.Count == 0)
        {
            // A tumbling window's empty final invocation that ran out of retries: the window closes.
            await owner.DiscardedAsync(records, cancellationToken).ConfigureAwait(false);
            return;
        }

        string? sentTo = null;
        if (config.OnFailureDestination is { } destination && _context.Destination is { } sender)
        {
            var document = new OnFailureDocument
            {
                RequestId = attempt.RequestId ?? Guid.NewGuid().ToString(),
                FunctionArn = config.FunctionArn,
                Condition = condition,
                ApproximateInvokeCount = attempt.InvokeCount,
                HasResponse = attempt.InvokeCount > 0,
                FunctionError = attempt.LastWasPartial ? null : "Unhandled",
                Timestamp = _context.Time.GetUtcNow(),
                ShardId = owner.ShardId,
                StartSequenceNumber = records[0].SequenceNumber,
                EndSequenceNumber = records[^1].SequenceNumber,
                ApproximateArrivalOfFirstRecord = records[0].Record.ApproximateCreationDateTime,
                ApproximateArrivalOfLastRecord = records[^1].Record.ApproximateCreationDateTime,
                BatchSize = records.Count,
                StreamArn = config.EventSourceArn,
            }.ToJson();
            await SendUntilAcceptedAsync(sender, destination, document, cancellationToken).ConfigureAwait(false);
            _context.Counters.AddSentToDestination(records.Count);
            sentTo = destination;
        }
        else
        {
            _context.Counters.AddDropped(records.Count);
        }

        _context.Condition = ProcessingCondition.Discarding(sentTo is not null, condition, records.Count, attempt.LastError);
        _context.Logger.LogWarning(
            "Mapping {Uuid}: discarded {Count} records of {Shard} ({Condition}), sequence numbers {Start}..{End}; {Outcome}",
            config.Uuid, records.Count, owner.ShardId, condition, records[0].SequenceNumber, records[^1].SequenceNumber,
            sentTo is null ? "no OnFailure destination is set, so they are dropped" : $"their range was sent to {sentTo}");
        await owner.DiscardedAsync(records, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendUntilAcceptedAsync(IFailureDestination sender, string destination, string document, CancellationToken cancellationToken)
    {
        // The records leave the pipeline only once the destination has them: keep trying (at-least-once).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sender.SendAsync(destination, document, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _context.LastEngineError = $"Sending to {destination} failed: {ex.Message}";
                _context.Logger.LogError(ex, "Mapping {Uuid}: sending an OnFailure record to {Destination} failed; retrying", _context.Configuration.Uuid, destination);
                await _context.BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed class AttemptHistory
    {
        public int Retries { get; set; }

        public int InvokeCount { get; set; }

        public int Throttles { get; set; }

        public bool LastWasPartial { get; set; }

        public string? RequestId { get; set; }

        public string? LastError { get; set; }

        public string? LastCause { get; set; }
    }
}
