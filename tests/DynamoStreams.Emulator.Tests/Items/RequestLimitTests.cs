using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Items;

/// <summary>The size caps of batches and transactions (spec E.3: BatchWriteItem ≤16 MB, BatchGetItem ≤16 MB, transactions ≤4 MB).</summary>
public sealed class RequestLimitTests : IClassFixture<EmulatorFixture>
{
    private const string AggregateMessage = "Transaction request cannot be processed: the aggregate size of the items in the transaction exceeds 4 MB";

    // 390,000 characters plus the key and names: under 400 KB; ten stay under 4 MB, eleven pass it, 44 pass 16 MB.
    private static readonly string s_payload = new('x', 390_000);

    private readonly EmulatorFixture _fixture;

    public RequestLimitTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient Client => _fixture.Client;

    private static Dictionary<string, AttributeValue> Key(string pk) => new() { ["pk"] = new(pk) };

    private static Dictionary<string, AttributeValue> Large(string pk) => new() { ["pk"] = new(pk), ["v"] = new(s_payload) };

    [Fact]
    public async Task TransactWriteItems_ItemsOver4MB_ThrowsValidationAndWritesNothing()
    {
        // spec E.3: TransactWriteItems ≤4 MB
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var items = Enumerable.Range(0, 11).Select(i => new TransactWriteItem { Put = new Put { TableName = table, Item = Large($"k{i}") } }).ToList();
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(AggregateMessage, error.Message);
        Assert.Equal(0, (await Client.ScanAsync(new ScanRequest { TableName = table, Select = Select.COUNT })).Count);
    }

    [Fact]
    public async Task TransactWriteItems_ItemsJustUnder4MB_Commits()
    {
        // spec E.3: TransactWriteItems ≤4 MB (ten 390 KB items are allowed)
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var items = Enumerable.Range(0, 10).Select(i => new TransactWriteItem { Put = new Put { TableName = table, Item = Large($"k{i}") } }).ToList();
        await Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items });
        var stored = await Client.GetItemAsync(table, Key("k9"));
        Assert.Equal(s_payload, stored.Item["v"].S);
    }

    [Fact]
    public async Task TransactWriteItems_UpdatesGrowingItemsOver4MB_ThrowsValidationAndKeepsOldItems()
    {
        // spec E.3: the 4 MB counts the items the transaction writes, including what an Update makes of them
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await PutAllAsync(table, 11, i => new Dictionary<string, AttributeValue> { ["pk"] = new($"k{i}") });
        var items = Enumerable.Range(0, 11).Select(i => new TransactWriteItem
        {
            Update = new Update
            {
                TableName = table,
                Key = Key($"k{i}"),
                UpdateExpression = "SET v = :v",
                ExpressionAttributeValues = new() { [":v"] = new(s_payload) },
            },
        }).ToList();
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }));
        Assert.Equal(AggregateMessage, error.Message);
        var item = await Client.GetItemAsync(table, Key("k0"));
        Assert.False(item.Item.ContainsKey("v"));
    }

    [Fact]
    public async Task TransactGetItems_ItemsOver4MB_ThrowsValidation()
    {
        // spec E.3: TransactGetItems ≤4 MB
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await PutAllAsync(table, 11, i => Large($"k{i}"));
        var gets = Enumerable.Range(0, 11).Select(i => new TransactGetItem { Get = new Get { TableName = table, Key = Key($"k{i}") } }).ToList();
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TransactGetItemsAsync(new TransactGetItemsRequest { TransactItems = gets }));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(AggregateMessage, error.Message);
        var ten = await Client.TransactGetItemsAsync(new TransactGetItemsRequest { TransactItems = gets.Take(10).ToList() });
        Assert.All(ten.Responses, r => Assert.Equal(s_payload.Length, r.Item["v"].S.Length));
    }

    [Fact]
    public async Task BatchGetItem_ResponseOver16MB_ReturnsRestInUnprocessedKeys()
    {
        // spec E.3: BatchGetItem ≤16 MB, UnprocessedKeys. Two items per table keep each table under its 1 MB.
        var tables = new List<string>();
        for (var t = 0; t < 25; t++)
        {
            var table = await Infrastructure.Tables.CreateAsync(Client);
            await PutAllAsync(table, 2, i => Large($"k{i}"));
            tables.Add(table);
        }

        var request = tables.ToDictionary(t => t, _ => new KeysAndAttributes { Keys = [Key("k0"), Key("k1")], ConsistentRead = true });
        var first = await Client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = request });

        var returned = first.Responses.Values.Sum(r => r.Count);
        var unprocessed = first.UnprocessedKeys.Values.Sum(u => u.Keys.Count);
        Assert.InRange(returned * (long)s_payload.Length, 15L * 1024 * 1024, 16L * 1024 * 1024);
        Assert.Equal(50, returned + unprocessed);
        Assert.All(first.UnprocessedKeys.Values, u => Assert.True(u.ConsistentRead));
        var second = await Client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = first.UnprocessedKeys });
        Assert.Empty(second.UnprocessedKeys);
        Assert.Equal(unprocessed, second.Responses.Values.Sum(r => r.Count));
    }

    [Fact]
    public async Task BatchGetItem_OverOneMegabyteFromOneTable_ReturnsRestInUnprocessedKeysAtMinimumCost()
    {
        // AWS docs (BatchGetItem): a partial result comes back when more than 1 MB per partition is requested; the
        // item that reaches 1 MB is returned. Unprocessed keys cost the minimum read each (observed: dynalite suite
        // batchGetItem.js 'should return many unprocessed items if very over the limit').
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await PutAllAsync(table, 5, i => Large($"k{i}"));
        var keys = Enumerable.Range(0, 5).Select(i => Key($"k{i}")).ToList();

        var first = await Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [table] = new KeysAndAttributes { Keys = keys, ConsistentRead = true } },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });

        Assert.Equal(3, first.Responses[table].Count);
        Assert.Equal(2, first.UnprocessedKeys[table].Keys.Count);
        Assert.Equal((3 * 96) + 2, first.ConsumedCapacity.Single().CapacityUnits);
        var second = await Client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = first.UnprocessedKeys });
        Assert.Empty(second.UnprocessedKeys);
        var all = first.Responses[table].Concat(second.Responses[table]).Select(i => i["pk"].S).Order().ToList();
        Assert.Equal(keys.Select(k => k["pk"].S).Order(), all);
    }

    [Fact]
    public async Task BatchWriteItem_RequestOver16MB_Returns413AndWritesNothing()
    {
        // spec E.3: BatchWriteItem ≤16 MB. A list of NULLs costs 2 bytes an element in item size but 14 in JSON,
        // so seven items under 400 KB make a request over 16 MB.
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var requests = Enumerable.Range(0, 7).Select(i => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>
        {
            ["pk"] = new($"k{i}"),
            ["l"] = new AttributeValue { L = Enumerable.Range(0, 190_000).Select(_ => new AttributeValue { NULL = true }).ToList() },
        }))).ToList();
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = requests } }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal("The request body exceeds the 16 MB limit.", error.Message);
        Assert.Equal(0, (await Client.ScanAsync(new ScanRequest { TableName = table, Select = Select.COUNT })).Count);
    }

    [Fact]
    public async Task Dispatcher_BodyOfExactly16MB_IsParsed()
    {
        // spec E.3: 16 MB is allowed, one byte more is not (the body is padded JSON whitespace)
        using var http = new HttpClient();
        var json = "{\"TableName\":\"missing-table\"}";
        var body = Encoding.UTF8.GetBytes(json + new string(' ', (16 * 1024 * 1024) - json.Length));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-amz-json-1.0");
        using var request = new HttpRequestMessage(HttpMethod.Post, _fixture.Emulator.Endpoint) { Content = content };
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.DescribeTable");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ResourceNotFoundException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task PutAllAsync(string table, int count, Func<int, Dictionary<string, AttributeValue>> item)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(20))
        {
            await Client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { [table] = chunk.Select(i => new WriteRequest(new PutRequest(item(i)))).ToList() },
            });
        }
    }
}
