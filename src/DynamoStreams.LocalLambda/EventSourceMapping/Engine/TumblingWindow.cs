using System.Text;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Carries one lane's tumbling window (spec B.3): windows aligned to multiples of their length by
/// <c>ApproximateCreationDateTime</c>, state passed from response to next invocation, a final invocation at the
/// window's end (or early when the state passes 1 MB or the shard ends), and checkpoints only when the window closes.
/// </summary>
internal sealed class TumblingWindow(MappingContext context, ShardProcessor shard)
{
    private const string EmptyState = "{}";

    private readonly TimeSpan _length = TimeSpan.FromSeconds(context.Configuration.TumblingWindowInSeconds);
    private readonly List<PendingRecord> _held = [];
    private DateTimeOffset? _start;
    private string _state = EmptyState;
    private bool _isFinal;
    private bool _terminatedEarly;
    private bool _stateTooLarge;

    public async Task<List<PendingRecord>?> CollectAsync(ShardLane lane, CancellationToken cancellationToken)
    {
        if (_start is not { } start)
        {
            DateTimeOffset? first = null;
            var batch = await lane.CollectAsync(cancellationToken, r => (first ??= WindowOf(r)) == WindowOf(r)).ConfigureAwait(false);
            if (batch is null || first is null)
            {
                return batch is null ? null : [];
            }

            _start = first;
            _state = EmptyState;
            return Decide(lane, batch, first.Value);
        }

        if (_stateTooLarge)
        {
            return Final([], terminatedEarly: true);
        }

        var end = start + _length;
        var more = await lane.CollectAsync(cancellationToken, r => WindowOf(r) == start, end).ConfigureAwait(false);
        if (more is null)
        {
            // The shard ended: close the window now.
            return Final([], terminatedEarly: context.Time.GetUtcNow() < end);
        }

        return more.Count == 0 ? Final([], terminatedEarly: false) : Decide(lane, more, start);
    }

    public byte[] BuildPayload(IReadOnlyList<PendingRecord> records) => EventPayload.BuildWindow(
        records,
        new WindowInvocation(_start!.Value, _start.Value + _length, _state, shard.ShardId, context.Configuration.EventSourceArn, _isFinal, _terminatedEarly));

    public async Task SucceededAsync(IReadOnlyList<PendingRecord> records, BatchVerdict verdict, CancellationToken cancellationToken)
    {
        if (_isFinal)
        {
            // spec B.3: a successful final invocation drops the state and advances the checkpoint.
            var done = _held.Concat(records).ToList();
            Reset();
            await shard.CompleteAsync(done, cancellationToken).ConfigureAwait(false);
            return;
        }

        _held.AddRange(records);
        if (verdict.StateJson is { } state)
        {
            _state = state;
            _stateTooLarge = Encoding.UTF8.GetByteCount(state) > BatchResponseReader.MaxStateBytes;
        }
    }

    public async Task DiscardedAsync(IReadOnlyList<PendingRecord> records, CancellationToken cancellationToken)
    {
        if (_isFinal)
        {
            var done = _held.Concat(records).ToList();
            Reset();
            await shard.CompleteAsync(done, cancellationToken).ConfigureAwait(false);
            return;
        }

        await shard.CompleteAsync(records, cancellationToken).ConfigureAwait(false);
    }

    private List<PendingRecord> Decide(ShardLane lane, List<PendingRecord> batch, DateTimeOffset start)
    {
        // Final when the next record belongs to a later window, or the window is over and nothing else is waiting.
        var laterQueued = lane.TryPeek(out var next) && next is not null && WindowOf(next) != start;
        var over = context.Time.GetUtcNow() >= start + _length && !lane.HasQueued && shard.IsCaughtUp;
        _isFinal = laterQueued || over;
        _terminatedEarly = false;
        return batch;
    }

    private List<PendingRecord> Final(List<PendingRecord> batch, bool terminatedEarly)
    {
        _isFinal = true;
        _terminatedEarly = terminatedEarly;
        return batch;
    }

    private void Reset()
    {
        _held.Clear();
        _start = null;
        _state = EmptyState;
        _isFinal = false;
        _terminatedEarly = false;
        _stateTooLarge = false;
    }

    private DateTimeOffset WindowOf(PendingRecord record)
    {
        var ticks = record.Record.ApproximateCreationDateTime.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % _length.Ticks), TimeSpan.Zero);
    }
}
