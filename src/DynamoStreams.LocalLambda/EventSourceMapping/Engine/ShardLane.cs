using System.Threading.Channels;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Processes the records of one shard that hash to one lane (ParallelizationFactor, spec B.2), one batch at a time and
/// in sequence order: gathers a batch (BatchSize, batching window, 6 MB), then drives it through <see cref="BatchProcessor"/>.
/// With tumbling windows it also carries the window's state (spec B.3).
/// </summary>
internal sealed class ShardLane : IBatchOwner
{
    private readonly MappingContext _context;
    private readonly ShardProcessor _shard;
    private readonly BatchProcessor _processor;
    private readonly Channel<PendingRecord> _queue = Channel.CreateUnbounded<PendingRecord>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly TumblingWindow? _window;

    public ShardLane(MappingContext context, ShardProcessor shard)
    {
        _context = context;
        _shard = shard;
        _processor = new BatchProcessor(context);
        if (context.Configuration.TumblingWindowInSeconds > 0)
        {
            _window = new TumblingWindow(context, shard);
        }
    }

    public string ShardId => _shard.ShardId;

    public void Enqueue(PendingRecord record) => _queue.Writer.TryWrite(record);

    public void CompleteAdding() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = _window is null
                ? await CollectAsync(cancellationToken).ConfigureAwait(false)
                : await _window.CollectAsync(this, cancellationToken).ConfigureAwait(false);
            if (batch is null)
            {
                return;
            }

            await _processor.ProcessAsync(batch, this, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the first record, then gathers up to BatchSize / 6 MB, waiting for the batching window (spec B.2).</summary>
    internal async Task<List<PendingRecord>?> CollectAsync(CancellationToken cancellationToken, Func<PendingRecord, bool>? accept = null, DateTimeOffset? stopAt = null)
    {
        var reader = _queue.Reader;
        if (!reader.TryPeek(out _))
        {
            if (stopAt is { } until)
            {
                if (!await WaitUntilAsync(reader, until, cancellationToken).ConfigureAwait(false))
                {
                    return reader.Completion.IsCompleted ? null : [];
                }
            }
            else if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        await _context.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var config = _context.Configuration;
        var batch = new List<PendingRecord>();
        var size = 0;
        var window = TimeSpan.FromSeconds(config.MaximumBatchingWindowInSeconds);
        var deadline = window > TimeSpan.Zero ? _context.Time.GetUtcNow() + window : (DateTimeOffset?)null;
        while (true)
        {
            while (batch.Count < config.BatchSize && reader.TryPeek(out var next))
            {
                if (accept is not null && !accept(next))
                {
                    return batch;
                }

                if (batch.Count > 0 && size + next.DeliveredJson.Length + 1 > EventPayload.MaxPayloadBytes - EventPayload.EnvelopeReserve)
                {
                    return batch;
                }

                reader.TryRead(out _);
                batch.Add(next);
                size += next.DeliveredJson.Length + 1;
            }

            if (batch.Count >= config.BatchSize)
            {
                return batch;
            }

            if (deadline is { } due)
            {
                if (_context.Time.GetUtcNow() >= due || !await WaitUntilAsync(reader, due, cancellationToken).ConfigureAwait(false))
                {
                    return batch;
                }
            }
            else if (_shard.IsCaughtUp || reader.Completion.IsCompleted
                || !await WaitForMoreOrCaughtUpAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                return batch;
            }
        }
    }

    public bool HasQueued => _queue.Reader.TryPeek(out _);

    public bool TryPeek(out PendingRecord? record) => _queue.Reader.TryPeek(out record);

    byte[] IBatchOwner.BuildPayload(IReadOnlyList<PendingRecord> records) =>
        _window?.BuildPayload(records) ?? EventPayload.Build(records);

    BatchVerdict IBatchOwner.Interpret(ReadOnlyMemory<byte> response, IReadOnlyList<PendingRecord> records) =>
        BatchResponseReader.Read(response, records, _context.Configuration.ReportBatchItemFailures, _window is not null);

    Task IBatchOwner.SucceededAsync(IReadOnlyList<PendingRecord> records, BatchVerdict verdict, CancellationToken cancellationToken) =>
        _window is null
            ? _shard.CompleteAsync(records, cancellationToken)
            : _window.SucceededAsync(records, verdict, cancellationToken);

    Task IBatchOwner.DiscardedAsync(IReadOnlyList<PendingRecord> records, CancellationToken cancellationToken) =>
        _window is null
            ? _shard.CompleteAsync(records, cancellationToken)
            : _window.DiscardedAsync(records, cancellationToken);

    private async Task<bool> WaitForMoreOrCaughtUpAsync(ChannelReader<PendingRecord> reader, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var more = reader.WaitToReadAsync(stop.Token).AsTask();
        var done = await Task.WhenAny(more, _shard.CaughtUpTask).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return done == more && await more.ConfigureAwait(false);
    }

    /// <summary>Waits for a record until <paramref name="until"/>; false when the time came (or the queue ended) first.</summary>
    private async Task<bool> WaitUntilAsync(ChannelReader<PendingRecord> reader, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var remaining = until - _context.Time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var more = reader.WaitToReadAsync(stop.Token).AsTask();
        var timer = Task.Delay(remaining, _context.Time, stop.Token);
        var done = await Task.WhenAny(more, timer).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return done == more && !more.IsCanceled && await more.ConfigureAwait(false);
    }
}
