using System.Diagnostics;
using DynamoStreams.Emulator.Streams;
using EmulatorRecord = DynamoStreams.Emulator.Streams.StreamRecord;

namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.InProcess;

/// <summary>
/// Reads the in-process emulator's streams directly: no HTTP, no polling sleep (a reader awaits new records), and the
/// writer's trace context carried on each record.
/// </summary>
/// <param name="streams">The emulator's stream reader (<c>DynamoEmulator.Streams</c>).</param>
public sealed class EmulatorStreamSource(IEmulatorStreams streams) : IStreamSource
{
    private const int PageSize = 10_000;

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamShard>> DescribeShardsAsync(string streamArn, CancellationToken cancellationToken)
    {
        IReadOnlyList<StreamShard> shards = streams.DescribeStream(streamArn).Shards
            .Select(s => new StreamShard(s.ShardId, s.ParentShardId, s.StartingSequenceNumber, s.EndingSequenceNumber))
            .ToList();
        return Task.FromResult(shards);
    }

    /// <inheritdoc />
    public Task<string?> GetLastSequenceNumberAsync(string streamArn, string shardId, CancellationToken cancellationToken)
    {
        string? last = null;
        var position = StreamPosition.TrimHorizon;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = streams.ReadRecords(streamArn, shardId, position, PageSize);
            if (page.Records.Count > 0)
            {
                last = page.Records[^1].SequenceNumber;
            }

            if (page.Records.Count < PageSize)
            {
                return Task.FromResult(last);
            }

            position = page.Next;
        }
    }

    /// <inheritdoc />
    public async Task<IShardReader> OpenShardAsync(string streamArn, string shardId, ShardPosition position, CancellationToken cancellationToken)
    {
        var start = position.Kind switch
        {
            ShardPositionKind.TrimHorizon => StreamPosition.TrimHorizon,
            ShardPositionKind.AtSequenceNumber => StreamPosition.At(position.SequenceNumber!),
            ShardPositionKind.AfterSequenceNumber => StreamPosition.After(position.SequenceNumber!),

            // A reader keeps its own position, so LATEST is pinned to the newest record now.
            _ => await GetLastSequenceNumberAsync(streamArn, shardId, cancellationToken).ConfigureAwait(false) is { } last
                ? StreamPosition.After(last)
                : StreamPosition.TrimHorizon,
        };
        return new Reader(streams, streamArn, shardId, start, position.SequenceNumber);
    }

    private static StreamSources.StreamRecord ToRecord(EmulatorRecord record)
    {
        var context = default(ActivityContext);
        if (record.TraceContext?.TraceParent is { } traceParent)
        {
            ActivityContext.TryParse(traceParent, record.TraceContext.TraceState, out context);
        }

        return new StreamSources.StreamRecord
        {
            SequenceNumber = record.SequenceNumber,
            ApproximateCreationDateTime = record.ApproximateCreationDateTime,
            EventName = record.EventName,
            PartitionKey = record.PartitionKey,
            SizeBytes = (int)Math.Min(int.MaxValue, record.SizeBytes),
            Json = record.EventJson,
            WriterContext = context,
        };
    }

    private sealed class Reader(IEmulatorStreams streams, string streamArn, string shardId, StreamPosition position, string? startSequenceNumber) : IShardReader
    {
        private StreamPosition _position = position;
        private string? _last = position.Kind == StreamPositionKind.AfterSequenceNumber ? startSequenceNumber : null;
        private bool _drained;

        public Task<ShardReadResult> ReadAsync(int limit, CancellationToken cancellationToken)
        {
            StreamReadResult page;
            try
            {
                page = streams.ReadRecords(streamArn, shardId, _position, limit);
            }
            catch (StreamsException ex) when (ex.ErrorCode == "TrimmedDataAccessException")
            {
                // The position is older than the retention: continue from the oldest record still kept.
                _position = StreamPosition.TrimHorizon;
                page = streams.ReadRecords(streamArn, shardId, _position, limit);
            }

            _position = page.Next;
            if (page.Records.Count > 0)
            {
                _last = page.Records[^1].SequenceNumber;
            }

            _drained = page.ShardDrained;
            return Task.FromResult(new ShardReadResult(page.Records.Select(ToRecord).ToList(), page.ShardDrained));
        }

        public Task WaitForRecordsAsync(CancellationToken cancellationToken) =>
            _drained ? Task.CompletedTask : streams.WaitForRecordsAsync(streamArn, shardId, _last, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
