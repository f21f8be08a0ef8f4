using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Streams;
using DynamoStreams.Emulator.Streams.Capture;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Tests.Streams;

public sealed class StreamStoreTests
{
    private const string Arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-01-15T10:00:00.000";
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void ReadRecords_FromTrimHorizon_ReturnsRecordsInOrderWithIncreasingSequenceNumbers()
    {
        // spec A.1 sequence numbers (21+ digits, increasing), A.7 #6
        using var store = CreateStore(new StreamsOptions());
        for (var i = 0; i < 5; i++)
        {
            Append(store, "pk-1");
        }

        var shard = Assert.Single(store.DescribeStream(Arn).Shards);
        var result = store.ReadRecords(Arn, shard.ShardId, StreamPosition.TrimHorizon, 100);

        Assert.Equal(5, result.Records.Count);
        Assert.All(result.Records, r => Assert.Matches("^[0-9]{21,40}$", r.SequenceNumber));
        Assert.True(result.Records.Zip(result.Records.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.Equal(shard.StartingSequenceNumber, result.Records[0].SequenceNumber);
        Assert.False(result.ShardClosed);
        Assert.Equal(StreamPosition.After(result.Records[^1].SequenceNumber), result.Next);
    }

    [Fact]
    public void Json_OfAppendedRecord_HasTheGetRecordsShape()
    {
        // spec A.1 eventID/eventVersion/eventSource/awsRegion, A.4 members
        using var store = CreateStore(new StreamsOptions());
        var record = Append(store, "pk-1");

        using var json = JsonDocument.Parse(record.Json);
        var root = json.RootElement;
        Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("eventID").GetString());
        Assert.Equal("INSERT", root.GetProperty("eventName").GetString());
        Assert.Equal("1.1", root.GetProperty("eventVersion").GetString());
        Assert.Equal("aws:dynamodb", root.GetProperty("eventSource").GetString());
        Assert.Equal("us-east-1", root.GetProperty("awsRegion").GetString());
        var dynamodb = root.GetProperty("dynamodb");
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), dynamodb.GetProperty("ApproximateCreationDateTime").GetInt64());
        Assert.Equal(record.SequenceNumber, dynamodb.GetProperty("SequenceNumber").GetString());
        Assert.Equal("NEW_AND_OLD_IMAGES", dynamodb.GetProperty("StreamViewType").GetString());
        Assert.Equal("pk-1", dynamodb.GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
        Assert.False(root.TryGetProperty("userIdentity", out _));
    }

    [Fact]
    public void Json_OfServiceWrite_CarriesUserIdentityInBothCasings()
    {
        // spec A.3 TTL deletes carry userIdentity; wire model PrincipalId/Type, Lambda events principalId/type
        using var store = CreateStore(new StreamsOptions());
        var record = Append(store, "pk-1", service: true, eventName: "REMOVE");

        using var wire = JsonDocument.Parse(record.Json);
        using var lambda = JsonDocument.Parse(record.EventJson);
        Assert.Equal("Service", wire.RootElement.GetProperty("userIdentity").GetProperty("Type").GetString());
        Assert.Equal("dynamodb.amazonaws.com", wire.RootElement.GetProperty("userIdentity").GetProperty("PrincipalId").GetString());
        Assert.Equal("Service", lambda.RootElement.GetProperty("userIdentity").GetProperty("type").GetString());
        Assert.Equal("dynamodb.amazonaws.com", lambda.RootElement.GetProperty("userIdentity").GetProperty("principalId").GetString());
    }

    [Fact]
    public void Append_WithSeveralShards_RoutesEachPartitionKeyToOneShard()
    {
        // spec A.3 per-item order; issue 4: several shards per stream routed by partition key
        using var store = CreateStore(new StreamsOptions { ShardsPerStream = 4 });
        for (var i = 0; i < 200; i++)
        {
            Append(store, "pk-" + (i % 20));
        }

        var shards = store.DescribeStream(Arn).Shards;
        var records = shards.SelectMany(s => store.ReadRecords(Arn, s.ShardId, StreamPosition.TrimHorizon, 1000).Records).ToList();

        Assert.Equal(4, shards.Count);
        Assert.All(shards, s => Assert.Null(s.ParentShardId));
        Assert.Equal(200, records.Count);
        Assert.All(records.GroupBy(r => r.PartitionKey), g => Assert.Single(g.Select(r => r.ShardId).Distinct()));
        Assert.True(records.Select(r => r.ShardId).Distinct().Count() > 1);
    }

    [Fact]
    public void Append_PastRolloverRecordCount_ClosesParentAndOpensChild()
    {
        // spec A.5: any rotation sets ParentShardId; consumers finish the parent first
        using var store = CreateStore(new StreamsOptions { RolloverAfterRecords = 3 });
        var written = Enumerable.Range(0, 4).Select(_ => Append(store, "pk-1")).ToList();

        var shards = store.DescribeStream(Arn).Shards;
        var parent = shards[0];
        var child = shards[1];
        var parentRead = store.ReadRecords(Arn, parent.ShardId, StreamPosition.TrimHorizon, 100);

        Assert.Equal(2, shards.Count);
        Assert.Equal(written[2].SequenceNumber, parent.EndingSequenceNumber);
        Assert.Equal(parent.ShardId, child.ParentShardId);
        Assert.True(child.IsOpen);
        Assert.True(parentRead.ShardDrained);
        Assert.Equal(written[3].ShardId, child.ShardId);
    }

    [Fact]
    public async Task RolloverAfter_TimeElapses_ClosesShardWithoutWrites()
    {
        // issue 4: rollover after T seconds, through TimeProvider
        using var store = CreateStore(new StreamsOptions { RolloverAfter = TimeSpan.FromMinutes(5) });
        Append(store, "pk-1");
        var shardChange = store.WaitForShardChangeAsync(Arn, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(5));
        await shardChange.WaitAsync(TimeSpan.FromSeconds(10));

        var shards = store.DescribeStream(Arn).Shards;
        Assert.Equal(2, shards.Count);
        Assert.False(shards[0].IsOpen);
        Assert.Equal(shards[0].ShardId, shards[1].ParentShardId);
    }

    [Fact]
    public void ReadRecords_PastRetention_TrimHorizonSkipsAndAtSequenceThrowsTrimmed()
    {
        // spec A.6, A.7 #13
        using var store = CreateStore(new StreamsOptions());
        var old = Append(store, "pk-1");
        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var fresh = Append(store, "pk-1");

        var read = store.ReadRecords(Arn, old.ShardId, StreamPosition.TrimHorizon, 100);
        var error = Assert.Throws<StreamsException>(() => store.ReadRecords(Arn, old.ShardId, StreamPosition.At(old.SequenceNumber), 100));

        Assert.Equal(fresh.SequenceNumber, Assert.Single(read.Records).SequenceNumber);
        Assert.Equal("TrimmedDataAccessException", error.ErrorCode);
    }

    [Fact]
    public void ReadRecords_ManyRecordsTrimmedInPart_ReturnEveryRetainedRecordOnceInOrder()
    {
        // spec A.6 records older than 24 hours are trimmed, A.1 the rest are read in order; enough records that the
        // retained ones, and the trimmed ones, span several of the shard's storage chunks
        using var store = CreateStore(new StreamsOptions());
        var written = new List<StreamRecord>();
        for (var i = 0; i < 1_300; i++)
        {
            written.Add(Append(store, "pk-1"));
            if (i == 699)
            {
                _clock.Advance(TimeSpan.FromHours(1));
            }
        }

        _clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromSeconds(1));
        var shardId = written[0].ShardId;
        var read = new List<StreamRecord>();
        var position = StreamPosition.TrimHorizon;
        while (true)
        {
            var result = store.ReadRecords(Arn, shardId, position, 250);
            if (result.Records.Count == 0)
            {
                break;
            }

            read.AddRange(result.Records);
            position = result.Next;
        }

        var fromTheMiddle = store.ReadRecords(Arn, shardId, StreamPosition.After(written[1_023].SequenceNumber), 3);
        var trimmed = Assert.Throws<StreamsException>(() => store.ReadRecords(Arn, shardId, StreamPosition.At(written[699].SequenceNumber), 1));

        Assert.Equal(written.Skip(700).Select(r => (r.SequenceNumber, r.EventId)), read.Select(r => (r.SequenceNumber, r.EventId)));
        Assert.All(read, r => Assert.Equal("pk-1", r.PartitionKey));
        Assert.Equal(written.Skip(1_024).Take(3).Select(r => r.SequenceNumber), fromTheMiddle.Records.Select(r => r.SequenceNumber));
        Assert.Equal("TrimmedDataAccessException", trimmed.ErrorCode);
    }

    [Fact]
    public async Task ReadRecords_WhileWritersAppendOnThreads_ReturnEveryRecordOnceRenderedFromItsOwnChange()
    {
        // spec A.1 each record once, in sequence order, A.4 its images are its own change's, with four writers appending
        // to one shard (sharing its record buffers) while a reader reads alongside them
        using var store = CreateStore(new StreamsOptions());
        const int Writers = 4, PerWriter = 1_500;
        var shardId = Assert.Single(store.DescribeStream(Arn).Shards).ShardId;
        using var writing = new CancellationTokenSource();
        var readWhileWriting = new List<StreamRecord>();
        var reader = Task.Run(() =>
        {
            var position = StreamPosition.TrimHorizon;
            var giveUp = DateTime.UtcNow.AddMinutes(1);
            while ((!writing.IsCancellationRequested || readWhileWriting.Count < Writers * PerWriter) && DateTime.UtcNow < giveUp)
            {
                var result = store.ReadRecords(Arn, shardId, position, 100);
                readWhileWriting.AddRange(result.Records);
                position = result.Next;
            }
        });
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, writer =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                store.Append(Arn, Draft($"w{writer}-{i}", i));
            }
        });
        writing.Cancel();
        await reader;

        var readAfter = store.ReadRecords(Arn, shardId, StreamPosition.TrimHorizon, 10_000).Records;

        AssertRenderedFromOwnChange(readWhileWriting, Writers * PerWriter);
        AssertRenderedFromOwnChange(readAfter, Writers * PerWriter);
        Assert.Equal(readWhileWriting.Select(r => r.Json.ToArray()), readAfter.Select(r => r.Json.ToArray()));
    }

    [Fact]
    public void ReadRecords_Latest_ReturnsOnlyLaterRecords()
    {
        // spec A.7 #10
        using var store = CreateStore(new StreamsOptions());
        Append(store, "pk-1");
        var shardId = store.DescribeStream(Arn).Shards[0].ShardId;

        var latest = store.ReadRecords(Arn, shardId, StreamPosition.Latest, 100);
        var later = Append(store, "pk-2");
        var next = store.ReadRecords(Arn, shardId, latest.Next, 100);

        Assert.Empty(latest.Records);
        Assert.Equal(later.SequenceNumber, Assert.Single(next.Records).SequenceNumber);
    }

    [Theory]
    [InlineData(StreamPositionKind.TrimHorizon)]
    [InlineData(StreamPositionKind.Latest)]
    public void ReadRecords_EmptyShard_NextPositionReadsTheFirstLaterRecord(StreamPositionKind start)
    {
        // spec A.5 GetRecords on an open shard with no records returns a NextShardIterator that later yields its records
        using var store = CreateStore(new StreamsOptions());
        var shardId = Assert.Single(store.DescribeStream(Arn).Shards).ShardId;

        var empty = store.ReadRecords(Arn, shardId, new StreamPosition(start, null), 100);
        var first = Append(store, "pk-1");
        var next = store.ReadRecords(Arn, shardId, empty.Next, 100);

        Assert.Empty(empty.Records);
        Assert.Equal(first.SequenceNumber, Assert.Single(next.Records).SequenceNumber);
    }

    [Fact]
    public async Task WaitForRecordsAsync_RecordAppended_Completes()
    {
        // issue 4: a reader can await new records without polling
        using var store = CreateStore(new StreamsOptions());
        var first = Append(store, "pk-1");

        var wait = store.WaitForRecordsAsync(Arn, first.ShardId, first.SequenceNumber, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        Append(store, "pk-1");

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForRecordsAsync_StreamDisabled_CompletesAndShardIsDrained()
    {
        // spec A.2: disabling closes open shards
        using var store = CreateStore(new StreamsOptions());
        var first = Append(store, "pk-1");

        var wait = store.WaitForRecordsAsync(Arn, first.ShardId, first.SequenceNumber, CancellationToken.None);
        store.DisableStream(Arn);
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        var info = store.DescribeStream(Arn);
        var read = store.ReadRecords(Arn, first.ShardId, StreamPosition.After(first.SequenceNumber), 10);

        Assert.Equal("DISABLED", info.StreamStatus);
        Assert.All(info.Shards, s => Assert.False(s.IsOpen));
        Assert.True(read.ShardDrained);
    }

    [Fact]
    public void DescribeStream_UnknownArn_ThrowsResourceNotFound()
    {
        // spec A.7 #15
        using var store = CreateStore(new StreamsOptions());

        var error = Assert.Throws<StreamsException>(() => store.DescribeStream(Arn + "x"));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    private StreamStore CreateStore(StreamsOptions options)
    {
        var store = new StreamStore(options, _clock);
        store.CreateStream(new StreamIdentity(Arn, "2026-01-15T10:00:00.000", "us-east-1", "Orders", "NEW_AND_OLD_IMAGES", "id", null, _clock.GetUtcNow()));
        return store;
    }

    // Records written with Draft: every partition key once, "n" the number after its last '-'.
    private static void AssertRenderedFromOwnChange(IReadOnlyList<StreamRecord> records, int expected)
    {
        Assert.Equal(expected, records.Count);
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "records out of sequence order");
        Assert.Equal(expected, records.Select(r => r.PartitionKey).Distinct().Count());
        Assert.All(records, record =>
        {
            using var json = JsonDocument.Parse(record.Json);
            var dynamodb = json.RootElement.GetProperty("dynamodb");
            Assert.Equal(record.SequenceNumber, dynamodb.GetProperty("SequenceNumber").GetString());
            Assert.Equal(record.EventId, json.RootElement.GetProperty("eventID").GetString());
            Assert.Equal(record.PartitionKey, dynamodb.GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
            Assert.Equal(record.PartitionKey, dynamodb.GetProperty("NewImage").GetProperty("id").GetProperty("S").GetString());
            Assert.Equal(record.PartitionKey[(record.PartitionKey.LastIndexOf('-') + 1)..], dynamodb.GetProperty("NewImage").GetProperty("n").GetProperty("N").GetString());
        });
    }

    private static StreamRecord Append(StreamStore store, string partitionKey, bool service = false, string eventName = "INSERT") =>
        store.Append(Arn, Draft(partitionKey, 1, service, eventName))!.Value.ToRecord();

    private static StreamRecordDraft Draft(string partitionKey, int n, bool service = false, string eventName = "INSERT") => new()
    {
        EventName = eventName,
        PartitionKey = partitionKey,
        Keys = new StreamRecordKeys("id", AttributeValue.FromString(partitionKey)),
        NewImage = new Dictionary<string, AttributeValue>
        {
            ["id"] = AttributeValue.FromString(partitionKey),
            ["n"] = AttributeValue.FromNumber(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        },
        SizeBytes = 10,
        IsServiceWrite = service,
    };
}
