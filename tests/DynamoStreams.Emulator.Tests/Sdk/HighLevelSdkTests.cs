using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Sdk;

/// <summary>What .NET users write: the Document model (<see cref="Table"/>) and <see cref="DynamoDBContext"/>.</summary>
public sealed class HighLevelSdkTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public HighLevelSdkTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient Client => _fixture.Client;

    private async Task<string> CreateOrdersTableAsync()
    {
        var name = Infrastructure.Tables.UniqueName("p") + "-Orders";
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.N), new("Status", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "by-status", KeySchema = [new("Status", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
        });
        return name;
    }

    private IDynamoDBContext Context(string tableName, bool skipVersionCheck = false) => new DynamoDBContextBuilder()
        .WithDynamoDBClient(() => Client)
        .ConfigureContext(config =>
        {
            config.TableNamePrefix = tableName[..^"Orders".Length];
            config.SkipVersionCheck = skipVersionCheck;
        })
        .Build();

    [Fact]
    public async Task DocumentTable_PutGetUpdateDeleteQuery_Work()
    {
        var name = await CreateOrdersTableAsync();
        var table = new TableBuilder(Client, name).AddHashKey("pk", DynamoDBEntryType.String).AddRangeKey("sk", DynamoDBEntryType.Numeric).Build();
        var document = new Document { ["pk"] = "c1", ["sk"] = 1, ["Status"] = "open", ["Total"] = 12.5m };
        await table.PutItemAsync(document);
        await table.PutItemAsync(new Document { ["pk"] = "c1", ["sk"] = 2, ["Status"] = "closed" });

        var loaded = await table.GetItemAsync("c1", 1);
        Assert.Equal(12.5m, loaded["Total"].AsDecimal());

        loaded["Total"] = 20;
        await table.UpdateItemAsync(loaded);
        Assert.Equal(20, (await table.GetItemAsync("c1", 1))["Total"].AsInt());

        var search = table.Query(new QueryOperationConfig { KeyExpression = new Expression { ExpressionStatement = "pk = :c", ExpressionAttributeValues = new Dictionary<string, DynamoDBEntry> { [":c"] = "c1" } } });
        var results = await search.GetRemainingAsync();
        Assert.Equal(2, results.Count);

        await table.DeleteItemAsync("c1", 2);
        Assert.Null(await table.GetItemAsync("c1", 2));
    }

    [Fact]
    public async Task DynamoDBContext_SaveLoadQueryScan_RoundTrip()
    {
        var name = await CreateOrdersTableAsync();
        var context = Context(name);
        await context.SaveAsync(new Order { CustomerId = "c1", OrderNumber = 1, Status = "open", Total = 9.99m, Tags = ["a", "b"] });
        await context.SaveAsync(new Order { CustomerId = "c1", OrderNumber = 2, Status = "closed", Total = 5m });
        await context.SaveAsync(new Order { CustomerId = "c2", OrderNumber = 1, Status = "open", Total = 1m });

        var loaded = await context.LoadAsync<Order>("c1", 1);
        Assert.Equal(9.99m, loaded.Total);
        Assert.Equal(["a", "b"], loaded.Tags);
        Assert.Equal(0, loaded.Version);

        var c1 = await context.QueryAsync<Order>("c1").GetRemainingAsync();
        Assert.Equal([1, 2], c1.Select(o => o.OrderNumber));
        var all = await context.ScanAsync<Order>([]).GetRemainingAsync();
        Assert.Equal(3, all.Count);
        var open = await context.QueryAsync<Order>("open", new QueryConfig { IndexName = "by-status" }).GetRemainingAsync();
        Assert.Equal(2, open.Count);
    }

    [Fact]
    public async Task DynamoDBContext_StaleVersion_ThrowsConditionalCheckFailed()
    {
        var name = await CreateOrdersTableAsync();
        var context = Context(name);
        var order = new Order { CustomerId = "c9", OrderNumber = 1, Status = "open" };
        await context.SaveAsync(order);
        var first = await context.LoadAsync<Order>("c9", 1);
        var second = await context.LoadAsync<Order>("c9", 1);
        first.Total = 1;
        await context.SaveAsync(first);
        Assert.Equal(1, first.Version);
        second.Total = 2;
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => context.SaveAsync(second));
        Assert.Equal(1m, (await context.LoadAsync<Order>("c9", 1)).Total);
    }

    [Fact]
    public async Task DynamoDBContext_BatchAndTransactions_Work()
    {
        var name = await CreateOrdersTableAsync();
        // The SDK refuses batch writes of versioned objects unless version checks are skipped.
        var context = Context(name, skipVersionCheck: true);
        var batch = context.CreateBatchWrite<Order>();
        batch.AddPutItems(Enumerable.Range(1, 30).Select(i => new Order { CustomerId = "batch", OrderNumber = i, Status = "new" }));
        await batch.ExecuteAsync();

        var get = context.CreateBatchGet<Order>();
        get.AddKey("batch", 3);
        get.AddKey("batch", 30);
        await get.ExecuteAsync();
        Assert.Equal([3, 30], get.Results.Select(o => o.OrderNumber).Order());

        var write = context.CreateTransactWrite<Order>();
        write.AddSaveItem(new Order { CustomerId = "tx", OrderNumber = 1, Status = "new" });
        write.AddDeleteKey("batch", 1);
        await write.ExecuteAsync();

        var read = context.CreateTransactGet<Order>();
        read.AddKey("tx", 1);
        read.AddKey("batch", 2);
        await read.ExecuteAsync();
        Assert.Equal(2, read.Results.Count);
        Assert.Null(await context.LoadAsync<Order>("batch", 1));
    }
}
