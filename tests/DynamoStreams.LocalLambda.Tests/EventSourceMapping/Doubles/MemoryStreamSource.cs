using System.Globalization;
using System.Text;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

/// <summary>
/// A hand-written in-memory stream for engine-algorithm tests that need exact control of shards (lineage, closing)
/// and record times; end-to-end tests use the emulator's real stream instead.
/// </summary>
internal sealed class MemoryStreamSource(TimeProvider time) : IStreamSource
{
    public const string Arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-11-25T01:00:00.000";

    private readonly Lock _lock = new();
    private readonly List<MemoryShard> _shards = [new("shardId-00000000000000000001-00000001", null)];
    private long _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string FirstShardId => _shards[0].Id;

    public int OpenReaders;

    public StreamRecord Append(string partitionKey, int number, string eventName = "INSERT", string? status = null, string? shardId = null, DateTimeOffset? created = null, int padding = 0, System.Diagnostics.ActivityContext writer = default)
    {
        lock (_lock)
        {
            var shard = shardId is null ? _shards.Last(s => !s.Closed) : _shards.Single(s => s.Id == shardId);
            var seq = (++_sequence).ToString("D21", CultureInfo.InvariantCulture);
            var when = created ?? time.GetUtcNow();
            var seconds = when.ToUnixTimeSeconds();
            var image = $$"""{"pk":{"S":"{{partitionKey}}"},"n":{"N":"{{number}}"}{{(status is null ? string.Empty : $",\"status\":{{\"S\":\"{status}\"}}")}}{{(padding == 0 ? string.Empty : $",\"pad\":{{\"S\":\"{new string('x', padding)}\"}}")}}}""";
            var images = eventName switch
            {
                "INSERT" => $"\"NewImage\":{image},",
                "MODIFY" => $"\"NewImage\":{image},\"OldImage\":{image},",
                _ => $"\"OldImage\":{image},",
            };
            var json = "{\"eventID\":\"" + Guid.NewGuid().ToString("N") + "\",\"eventName\":\"" + eventName
                + "\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":"
                + seconds.ToString(CultureInfo.InvariantCulture) + ",\"Keys\":{\"pk\":{\"S\":\"" + partitionKey + "\"}}," + images
                + "\"SequenceNumber\":\"" + seq + "\",\"SizeBytes\":50,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}";
            var record = new StreamRecord
            {
                SequenceNumber = seq,
                ApproximateCreationDateTime = DateTimeOffset.FromUnixTimeSeconds(seconds),
                EventName = eventName,
                PartitionKey = partitionKey,
                SizeBytes = 50,
                Json = Encoding.UTF8.GetBytes(json),
                WriterContext = writer,
            };
            shard.Records.Add(record);
            Signal();
            return record;
        }
    }

    public string Rollover()
    {
        lock (_lock)
        {
            var parent = _shards.Last(s => !s.Closed);
            parent.Closed = true;
            var child = new MemoryShard($"shardId-{_shards.Count + 1:D20}-{_shards.Count + 1:D8}", parent.Id);
            _shards.Add(child);
            Signal();
            return child.Id;
        }
    }

    public Task<IReadOnlyList<StreamShard>> DescribeShardsAsync(string streamArn, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<StreamShard> shards = _shards
                .Select(s => new StreamShard(s.Id, s.ParentId, s.Records.FirstOrDefault()?.SequenceNumber, s.Closed ? s.Records.LastOrDefault()?.SequenceNumber ?? "0" : null))
                .ToList();
            return Task.FromResult(shards);
        }
    }

    public Task<string?> GetLastSequenceNumberAsync(string streamArn, string shardId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_shards.Single(s => s.Id == shardId).Records.LastOrDefault()?.SequenceNumber);
        }
    }

    public Task<IShardReader> OpenShardAsync(string streamArn, string shardId, ShardPosition position, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var shard = _shards.Single(s => s.Id == shardId);
            var index = position.Kind switch
            {
                ShardPositionKind.TrimHorizon => 0,
                ShardPositionKind.Latest => shard.Records.Count,
                ShardPositionKind.AtSequenceNumber => shard.Records.FindIndex(r => SequenceNumbers.Compare(r.SequenceNumber, position.SequenceNumber!) >= 0),
                _ => shard.Records.FindIndex(r => SequenceNumbers.Compare(r.SequenceNumber, position.SequenceNumber!) > 0),
            };
            Interlocked.Increment(ref OpenReaders);
            return Task.FromResult<IShardReader>(new Reader(this, shard, index < 0 ? shard.Records.Count : index));
        }
    }

    private void Signal()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    private sealed class MemoryShard(string id, string? parentId)
    {
        public string Id { get; } = id;

        public string? ParentId { get; } = parentId;

        public List<StreamRecord> Records { get; } = [];

        public bool Closed { get; set; }
    }

    private sealed class Reader(MemoryStreamSource source, MemoryShard shard, int index) : IShardReader
    {
        private int _index = index;

        public Task<ShardReadResult> ReadAsync(int limit, CancellationToken cancellationToken)
        {
            lock (source._lock)
            {
                var records = shard.Records.Skip(_index).Take(limit).ToList();
                _index += records.Count;
                return Task.FromResult(new ShardReadResult(records, shard.Closed && _index >= shard.Records.Count));
            }
        }

        public Task WaitForRecordsAsync(CancellationToken cancellationToken)
        {
            lock (source._lock)
            {
                return _index < shard.Records.Count || shard.Closed ? Task.CompletedTask : source._changed.Task.WaitAsync(cancellationToken);
            }
        }

        public ValueTask DisposeAsync()
        {
            Interlocked.Decrement(ref source.OpenReaders);
            return ValueTask.CompletedTask;
        }
    }
}
