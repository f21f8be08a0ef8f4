using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Items;

public sealed class QueryScanTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public QueryScanTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient Client => _fixture.Client;

    private static Dictionary<string, AttributeValue> Values(params (string Name, AttributeValue Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private async Task<string> CreateNumberSortedAsync(int items, string pk = "p", int padding = 0)
    {
        var table = await Infrastructure.Tables.CreateAsync(Client, sortKeyType: "N");
        for (var i = 0; i < items; i++)
        {
            var item = new Dictionary<string, AttributeValue> { ["pk"] = new(pk), ["sk"] = new() { N = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ["odd"] = new() { BOOL = i % 2 == 1 } };
            if (padding > 0)
            {
                item["pad"] = new AttributeValue(new string('x', padding));
            }

            await Client.PutItemAsync(table, item);
        }

        return table;
    }

    [Fact]
    public async Task Query_SortKeyConditions_ReturnNumericOrderRanges()
    {
        var table = await CreateNumberSortedAsync(12);
        async Task<List<string>> RunAsync(string condition, params (string, AttributeValue)[] values)
        {
            var all = Values(values);
            all[":p"] = new AttributeValue("p");
            var response = await Client.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "pk = :p" + condition, ExpressionAttributeValues = all });
            return response.Items.Select(i => i["sk"].N).ToList();
        }

        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"], await RunAsync(""));
        Assert.Equal(["10", "11"], await RunAsync(" AND sk >= :v", (":v", new AttributeValue { N = "10" })));
        Assert.Equal(["0", "1"], await RunAsync(" AND sk < :v", (":v", new AttributeValue { N = "2" })));
        Assert.Equal(["3", "4", "5"], await RunAsync(" AND sk BETWEEN :a AND :b", (":a", new AttributeValue { N = "3" }), (":b", new AttributeValue { N = "5" })));
        Assert.Equal(["7"], await RunAsync(" AND sk = :v", (":v", new AttributeValue { N = "7" })));
        Assert.Equal(["9", "10", "11"], await RunAsync(" AND sk > :v", (":v", new AttributeValue { N = "8" })));
    }

    [Fact]
    public async Task Query_BeginsWithOnStrings_ReturnsPrefixRun()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client, sortKeyType: "S");
        foreach (var sk in new[] { "a#1", "b#1", "b#2", "b", "c#1" })
        {
            await Client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("p"), ["sk"] = new(sk) });
        }

        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :p AND begins_with(sk, :b)",
            ExpressionAttributeValues = Values((":p", new AttributeValue("p")), (":b", new AttributeValue("b#"))),
        });
        Assert.Equal(["b#1", "b#2"], response.Items.Select(i => i["sk"].S));
    }

    [Fact]
    public async Task Query_LimitAndBackwards_PagesWithLastEvaluatedKey()
    {
        var table = await CreateNumberSortedAsync(7);
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            var page = await Client.QueryAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "pk = :p",
                ExpressionAttributeValues = Values((":p", new AttributeValue("p"))),
                ScanIndexForward = false,
                Limit = 3,
                ExclusiveStartKey = start,
            });
            pages++;
            seen.AddRange(page.Items.Select(i => i["sk"].N));
            start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (start is not null);

        Assert.Equal(["6", "5", "4", "3", "2", "1", "0"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_FilterAndCount_CountsMatchesAndScanned()
    {
        var table = await CreateNumberSortedAsync(10);
        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :p",
            FilterExpression = "odd = :t",
            ExpressionAttributeValues = Values((":p", new AttributeValue("p")), (":t", new AttributeValue { BOOL = true })),
            Select = Select.COUNT,
        });
        Assert.Equal(5, response.Count);
        Assert.Equal(10, response.ScannedCount);
        Assert.True(response.Items is null || response.Items.Count == 0);
    }

    [Fact]
    public async Task Query_FilterOnKey_ThrowsPrimaryKeyMessage()
    {
        var table = await CreateNumberSortedAsync(1);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :p",
            FilterExpression = "sk = :s",
            ExpressionAttributeValues = Values((":p", new AttributeValue("p")), (":s", new AttributeValue { N = "1" })),
        }));
        Assert.Equal("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk", error.Message);
    }

    [Fact]
    public async Task Query_WithoutPartitionKey_ThrowsMissedKeySchemaElement()
    {
        // spec E.2: "Query condition missed key schema element: <attr>"
        var table = await CreateNumberSortedAsync(1);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "sk = :s",
            ExpressionAttributeValues = Values((":s", new AttributeValue { N = "1" })),
        }));
        Assert.Equal("Query condition missed key schema element: pk", error.Message);
    }

    [Fact]
    public async Task Query_OverOneMegabyte_StopsAtOneMegabytePages()
    {
        // spec E.3: Query/Scan page ≤ 1 MB with LastEvaluatedKey
        var table = await CreateNumberSortedAsync(30, padding: 100 * 1024);
        var first = await Client.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "pk = :p", ExpressionAttributeValues = Values((":p", new AttributeValue("p"))) });
        Assert.InRange(first.Count ?? 0, 9, 11);
        Assert.NotEmpty(first.LastEvaluatedKey);
        var rest = await Client.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "pk = :p", ExpressionAttributeValues = Values((":p", new AttributeValue("p"))), ExclusiveStartKey = first.LastEvaluatedKey });
        Assert.Equal(first.Items.Last()["sk"].N, (int.Parse(rest.Items[0]["sk"].N, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Query_GlobalAndLocalIndexes_ReadInIndexOrderWithProjection()
    {
        var name = Infrastructure.Tables.UniqueName("idx");
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("status", ScalarAttributeType.S), new("score", ScalarAttributeType.N)],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "by-status", KeySchema = [new("status", KeyType.HASH), new("score", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } }],
            LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "by-score", KeySchema = [new("pk", KeyType.HASH), new("score", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
        });
        var rows = new[] { ("u1", "a", "open", 30), ("u1", "b", "open", 10), ("u2", "a", "open", 20), ("u2", "b", "closed", 5) };
        foreach (var (pk, sk, status, score) in rows)
        {
            await Client.PutItemAsync(name, new Dictionary<string, AttributeValue> { ["pk"] = new(pk), ["sk"] = new(sk), ["status"] = new(status), ["score"] = new() { N = score.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ["extra"] = new("e") });
        }

        await Client.PutItemAsync(name, new Dictionary<string, AttributeValue> { ["pk"] = new("u3"), ["sk"] = new("x") });

        var open = await Client.QueryAsync(new QueryRequest { TableName = name, IndexName = "by-status", KeyConditionExpression = "#s = :o", ExpressionAttributeNames = new() { ["#s"] = "status" }, ExpressionAttributeValues = Values((":o", new AttributeValue("open"))) });
        Assert.Equal(["10", "20", "30"], open.Items.Select(i => i["score"].N));
        Assert.False(open.Items[0].ContainsKey("extra"));
        Assert.Equal(["pk", "score", "sk", "status"], open.Items[0].Keys.Order());

        var local = await Client.QueryAsync(new QueryRequest { TableName = name, IndexName = "by-score", KeyConditionExpression = "pk = :u", ExpressionAttributeValues = Values((":u", new AttributeValue("u1"))), Limit = 1 });
        Assert.Equal("10", local.Items.Single()["score"].N);
        Assert.Equal(["pk", "score", "sk"], local.LastEvaluatedKey.Keys.Order());
        var next = await Client.QueryAsync(new QueryRequest { TableName = name, IndexName = "by-score", KeyConditionExpression = "pk = :u", ExpressionAttributeValues = Values((":u", new AttributeValue("u1"))), ExclusiveStartKey = local.LastEvaluatedKey });
        Assert.Equal("30", next.Items.Single()["score"].N);

        var consistent = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.QueryAsync(new QueryRequest { TableName = name, IndexName = "by-status", ConsistentRead = true, KeyConditionExpression = "#s = :o", ExpressionAttributeNames = new() { ["#s"] = "status" }, ExpressionAttributeValues = Values((":o", new AttributeValue("open"))) }));
        Assert.Equal("Consistent reads are not supported on global secondary indexes", consistent.Message);
        var missing = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.QueryAsync(new QueryRequest { TableName = name, IndexName = "nope", KeyConditionExpression = "pk = :u", ExpressionAttributeValues = Values((":u", new AttributeValue("u1"))) }));
        Assert.Equal("The table does not have the specified index: nope", missing.Message);
    }

    [Fact]
    public async Task Scan_ParallelSegments_CoverEveryItemExactlyOnce()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        for (var i = 0; i < 60; i++)
        {
            await Client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new($"item-{i}") });
        }

        var seen = new List<string>();
        for (var segment = 0; segment < 4; segment++)
        {
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await Client.ScanAsync(new ScanRequest { TableName = table, Segment = segment, TotalSegments = 4, Limit = 7, ExclusiveStartKey = start });
                seen.AddRange(page.Items.Select(i => i["pk"].S));
                start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            }
            while (start is not null);
        }

        Assert.Equal(60, seen.Count);
        Assert.Equal(60, seen.Distinct().Count());
    }

    [Fact]
    public async Task Scan_SegmentNotBelowTotal_ThrowsZeroBasedMessage()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.ScanAsync(new ScanRequest { TableName = table, Segment = 2, TotalSegments = 2 }));
        Assert.Equal("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2", error.Message);
    }

    [Fact]
    public async Task Scan_FilterAndProjection_ReturnsProjectedMatches()
    {
        var table = await CreateNumberSortedAsync(6);
        var response = await Client.ScanAsync(new ScanRequest
        {
            TableName = table,
            FilterExpression = "odd = :f",
            ProjectionExpression = "sk",
            ExpressionAttributeValues = Values((":f", new AttributeValue { BOOL = false })),
        });
        Assert.Equal(3, response.Count);
        Assert.All(response.Items, i => Assert.Equal(["sk"], i.Keys));
    }

    [Fact]
    public async Task Query_LocalIndexAllAttributes_ChargesIndexEntriesAndTableFetchSeparately()
    {
        // observed: dynalite suite query.js 'should return all attributes when specified for secondary indexes':
        // the index is charged for its projected entries, the table for the whole items ALL_ATTRIBUTES fetches,
        // each a unit per started 4 KB of the page's total.
        var name = Infrastructure.Tables.UniqueName("lsi");
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("d", ScalarAttributeType.S)],
            LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "by-d", KeySchema = [new("pk", KeyType.HASH), new("d", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } }],
        });
        foreach (var sk in new[] { "1", "2", "3" })
        {
            await Client.PutItemAsync(name, new Dictionary<string, AttributeValue> { ["pk"] = new("p"), ["sk"] = new(sk), ["d"] = new(sk), ["big"] = new(new string('x', 3000)) });
        }

        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            IndexName = "by-d",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = Values((":p", new AttributeValue("p"))),
            Select = Select.ALL_ATTRIBUTES,
            ConsistentRead = true,
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        });

        Assert.Equal(3, response.Count);
        Assert.Equal(3, response.ConsumedCapacity.Table.CapacityUnits);
        Assert.Equal(1, response.ConsumedCapacity.LocalSecondaryIndexes["by-d"].CapacityUnits);
        Assert.Equal(4, response.ConsumedCapacity.CapacityUnits);
    }
}
