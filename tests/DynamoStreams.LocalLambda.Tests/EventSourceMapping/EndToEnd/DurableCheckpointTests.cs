using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.InProcess;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.RealHandler;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// Checkpoints kept in the emulator's durable store: the emulator (with a data directory) and the engine are stopped
/// mid-stream and started again on the same folder; the real Node handler runs behind the Runtime API host.
/// </summary>
public sealed class DurableCheckpointTests(RuntimeHostFixture fixture) : IClassFixture<RuntimeHostFixture>
{
    private const string Table = "orders";

    [Fact]
    public async Task EmulatorAndEngineRestartedOnSameDataDirectory_ResumesAtCheckpointNothingSkippedKeyOrderKept()
    {
        // issue 6: checkpoints persisted with the emulator's data; spec B.2 at-least-once, order per key
        var dataDirectory = Directory.CreateTempSubdirectory("esm-durable-").FullName;
        var handler = await fixture.RegisterHandlerAsync("durable");
        var uuid = Guid.NewGuid().ToString();
        string streamArn;
        string savedCheckpoint;
        int deliveredBeforeRestart;

        await using (var emulator = await StartEmulatorAsync(dataDirectory))
        {
            using var dynamo = Client(emulator);
            streamArn = (await dynamo.CreateTableAsync(TableRequest())).TableDescription.LatestStreamArn;
            await PutRangeAsync(dynamo, 1, 40);

            var engine = CreateEngine(emulator);
            var mapping = engine.CreateMapping(Options(streamArn, handler, uuid));
            await mapping.StartAsync();
            await Eventually.WaitAsync(() => handler.Invocations().Count >= 3, "three batches before the restart");
            await PutRangeAsync(dynamo, 41, 50);
            await engine.DisposeAsync();

            deliveredBeforeRestart = handler.Invocations().Count;
            var stored = await new DurableCheckpointStore(emulator.DurableStore).LoadAsync(uuid, CancellationToken.None);
            savedCheckpoint = Assert.Single(stored).Value.AfterSequenceNumber!;
        }

        await using (var emulator = await StartEmulatorAsync(dataDirectory))
        {
            using var dynamo = Client(emulator);
            await PutRangeAsync(dynamo, 51, 60);
            await using var engine = CreateEngine(emulator);
            await engine.CreateMapping(Options(streamArn, handler, uuid)).StartAsync();

            await Eventually.WaitAsync(
                () => handler.Invocations().SelectMany(i => i.Records).Select(r => r.N).Distinct().Count() == 60,
                "all 60 records after the restart");
        }

        var before = handler.Invocations().Take(deliveredBeforeRestart).SelectMany(i => i.Records).ToList();
        var after = handler.Invocations().Skip(deliveredBeforeRestart).SelectMany(i => i.Records).ToList();

        // Nothing at or before the durable checkpoint is delivered again; the first record after it comes first.
        Assert.All(after, r => Assert.True(Compare(r.Seq, savedCheckpoint) > 0, $"record {r.N} ({r.Seq}) re-delivered behind checkpoint {savedCheckpoint}"));
        Assert.Equal(before.Where(r => Compare(r.Seq, savedCheckpoint) <= 0).Max(r => r.N) + 1, after[0].N);
        Assert.Equal(Enumerable.Range(1, 60), before.Concat(after).Select(r => r.N).Distinct().Order());
        foreach (var key in before.Concat(after).GroupBy(r => r.Key))
        {
            var firstDeliveries = key.Select(r => r.N).Distinct().ToList();
            Assert.Equal(firstDeliveries.Order(), firstDeliveries);
        }
    }

    [Fact]
    public async Task ReplayFromTrimHorizon_DurableStore_ForgetsTheStoredCheckpoints()
    {
        // issue 6: replay clears the mapping's keys in the durable store (and only its keys)
        await using var emulator = await StartEmulatorAsync(dataDirectory: null);
        var store = new DurableCheckpointStore(emulator.DurableStore);
        await store.SaveAsync("mapping-a", "shardId-1", new ShardCheckpoint("100", Finished: false), CancellationToken.None);
        await store.SaveAsync("mapping-a", "shardId-2", new ShardCheckpoint("200", Finished: true), CancellationToken.None);
        await store.SaveAsync("mapping-b", "shardId-1", new ShardCheckpoint("300", Finished: false), CancellationToken.None);

        var loaded = await store.LoadAsync("mapping-a", CancellationToken.None);
        await store.ClearAsync("mapping-a", CancellationToken.None);

        Assert.Equal(new ShardCheckpoint("100", false), loaded["shardId-1"]);
        Assert.Equal(new ShardCheckpoint("200", true), loaded["shardId-2"]);
        Assert.Empty(await store.LoadAsync("mapping-a", CancellationToken.None));
        Assert.Equal("300", (await store.LoadAsync("mapping-b", CancellationToken.None))["shardId-1"].AfterSequenceNumber);
        Assert.Equal("""{"afterSequenceNumber":"300","finished":false}""", emulator.DurableStore.Get("esm/mapping-b/shardId-1"));
    }

    private static Task<DynamoEmulator> StartEmulatorAsync(string? dataDirectory) =>
        DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = dataDirectory });

    private EventSourceMappingEngine CreateEngine(DynamoEmulator emulator) => new(
        new EmulatorStreamSource(emulator.Streams),
        new RuntimeApiFunctionInvoker(fixture.Host),
        new DurableCheckpointStore(emulator.DurableStore),
        new EmulatorQueueDestination(emulator.Queues),
        new EventSourceMappingEngineOptions { RetryBackoff = _ => TimeSpan.Zero });

    private static EventSourceMappingOptions Options(string streamArn, HandlerLog handler, string uuid) => new()
    {
        Uuid = uuid,
        EventSourceArn = streamArn,
        FunctionName = handler.Name,
        StartingPosition = "TRIM_HORIZON",
        BatchSize = 4,
    };

    private static AmazonDynamoDBClient Client(DynamoEmulator emulator) => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

    private static CreateTableRequest TableRequest() => new()
    {
        TableName = Table,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
    };

    private static async Task PutRangeAsync(AmazonDynamoDBClient dynamo, int from, int to)
    {
        for (var n = from; n <= to; n++)
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = Table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new AttributeValue { S = $"key{n % 3}" },
                    ["n"] = new AttributeValue { N = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            });
        }
    }

    private static int Compare(string left, string right) =>
        left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
}
