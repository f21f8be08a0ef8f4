using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Streams;

namespace DynamoStreams.Emulator.Tests.Persistence;

public sealed class PersistenceRoundTripTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dse-persist-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_OnSameDataDirectory_KeepsTablesItemsStreamsTtlQueuesAndKeys()
    {
        // issue 4 persistence: tables, items, streams with records and shards, TTL settings, queues survive a restart
        string streamArn;
        List<StreamRecord> before;
        string queueArn;
        await using (var first = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory }))
        {
            using var db = Client(first);
            streamArn = (await db.CreateTableAsync(new CreateTableRequest
            {
                TableName = "orders",
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
                StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
            })).TableDescription.LatestStreamArn;
            await db.PutItemAsync("orders", new() { ["id"] = new() { S = "a" }, ["n"] = new() { N = "1" } });
            await db.PutItemAsync("orders", new() { ["id"] = new() { S = "b" }, ["n"] = new() { N = "2" } });
            await db.DeleteItemAsync("orders", new() { ["id"] = new() { S = "b" } });
            await db.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = "orders",
                TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expiresAt" },
            });
            queueArn = await first.Queues.CreateQueueAsync("us-east-1", "dlq");
            await first.Queues.SendMessageAsync(queueArn, "failure");
            await first.DurableStore.SetAsync("esm/1/shard", "12345");
            before = Read(first.Streams, streamArn);
        }

        await using var second = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory });
        using var db2 = Client(second);
        var items = (await db2.ScanAsync(new ScanRequest("orders"))).Items;
        var after = Read(second.Streams, streamArn);
        var ttl = await db2.DescribeTimeToLiveAsync("orders");

        Assert.Equal("a", Assert.Single(items)["id"].S);
        Assert.Equal(3, before.Count);
        Assert.Equal(before.Select(r => (r.SequenceNumber, r.EventId, r.ShardId)), after.Select(r => (r.SequenceNumber, r.EventId, r.ShardId)));
        Assert.Equal(before.Select(r => r.Json.ToArray()), after.Select(r => r.Json.ToArray()));
        Assert.Equal("ENABLED", ttl.TimeToLiveDescription.TimeToLiveStatus.Value);
        Assert.Equal(1, second.Queues.GetDepth(queueArn).Visible);
        Assert.Equal("12345", second.DurableStore.Get("esm/1/shard"));

        await db2.PutItemAsync("orders", new() { ["id"] = new() { S = "c" } });
        var next = Read(second.Streams, streamArn);
        Assert.Equal(4, next.Count);
        Assert.True(next[3].Sequence > next[2].Sequence);
    }

    [Fact]
    public async Task Restart_TableCreatedJustBefore_IsActiveAtOnce()
    {
        // A table recovered from the data directory was created by an earlier run, so it is ACTIVE (not CREATING again).
        var slow = TimeSpan.FromMinutes(10);
        await using (var first = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = slow, DataDirectory = _directory }))
        {
            using var db = Client(first);
            await db.CreateTableAsync(new CreateTableRequest
            {
                TableName = "fresh",
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            });
            Assert.Equal(TableStatus.CREATING, (await db.DescribeTableAsync("fresh")).Table.TableStatus);
        }

        await using var second = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = slow, DataDirectory = _directory });
        using var db2 = Client(second);

        Assert.Equal(TableStatus.ACTIVE, (await db2.DescribeTableAsync("fresh")).Table.TableStatus);
        await db2.PutItemAsync("fresh", new() { ["id"] = new() { S = "a" } });
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static List<StreamRecord> Read(IEmulatorStreams streams, string arn) =>
        [.. streams.DescribeStream(arn).Shards.SelectMany(s => streams.ReadRecords(arn, s.ShardId, StreamPosition.TrimHorizon, 1000).Records)];

    private static AmazonDynamoDBClient Client(DynamoEmulator emulator) =>
        new(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
}
