using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Items;

public sealed class ItemCollectionMetricsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ItemCollectionMetricsTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task PutItem_TableWithLsiAndSize_ReturnsItemCollectionMetrics()
    {
        // Issue 3: ReturnItemCollectionMetrics is answered for tables with local secondary indexes only
        var client = _fixture.Client;
        var name = Infrastructure.Tables.UniqueName("lsi");
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("alt", ScalarAttributeType.S)],
            LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "by-alt", KeySchema = [new("pk", KeyType.HASH), new("alt", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
        });
        var response = await client.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = new() { ["pk"] = new("p"), ["sk"] = new("s"), ["alt"] = new("a") },
            ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE,
        });
        Assert.Equal("p", response.ItemCollectionMetrics.ItemCollectionKey["pk"].S);
        Assert.Equal(2, response.ItemCollectionMetrics.SizeEstimateRangeGB.Count);

        var plain = await Infrastructure.Tables.CreateAsync(client);
        var none = await client.PutItemAsync(new PutItemRequest { TableName = plain, Item = new() { ["pk"] = new("p") }, ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE });
        Assert.Null(none.ItemCollectionMetrics);
    }

    [Fact]
    public async Task PutItem_IndexKeyOfWrongType_ThrowsIndexTypeMismatch()
    {
        // spec E.2 (key types checked): an index key of the wrong type is rejected with the index name
        var client = _fixture.Client;
        var name = Infrastructure.Tables.UniqueName("gsi");
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
        });
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.PutItemAsync(name, new Dictionary<string, AttributeValue> { ["pk"] = new("p"), ["g"] = new() { N = "1" } }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: by-g", error.Message);
    }
}
