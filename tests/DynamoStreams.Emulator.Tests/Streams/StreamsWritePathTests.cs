using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;

namespace DynamoStreams.Emulator.Tests.Streams;

public sealed class StreamsWritePathTests(StreamsFixture fixture) : IClassFixture<StreamsFixture>
{
    private AmazonDynamoDBClient Db => fixture.DynamoDb;

    [Fact]
    public async Task BatchWriteItem_ThreeItems_WritesOneRecordPerItem()
    {
        // spec A.3: batch writes give one record per changed item
        var (table, arn) = await fixture.CreateTableAsync();

        await Db.BatchWriteItemAsync(new Dictionary<string, List<WriteRequest>>
        {
            [table] = [.. new[] { "a", "b", "c" }.Select(id => new WriteRequest(new PutRequest(new() { ["id"] = new() { S = id } })))],
        });
        var records = await fixture.Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        Assert.Equal(["a", "b", "c"], records.Select(Id).Order());
        Assert.All(records, r => Assert.Equal("INSERT", r.GetProperty("eventName").GetString()));
    }

    [Fact]
    public async Task TransactWriteItems_PutAndDelete_WritesOneRecordPerItem()
    {
        // spec A.3: transactional writes give one record per changed item
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, new() { ["id"] = new() { S = "old" } });

        await Db.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = new() { ["id"] = new() { S = "new" } } } },
                new TransactWriteItem { Delete = new Delete { TableName = table, Key = new() { ["id"] = new() { S = "old" } } } },
            ],
        });
        var records = await fixture.Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        Assert.Equal([("INSERT", "old"), ("INSERT", "new"), ("REMOVE", "old")],
            records.Select(r => (r.GetProperty("eventName").GetString(), Id(r))).ToList());
    }

    [Fact]
    public async Task FailedConditionAndCancelledTransaction_WriteNoRecord()
    {
        // spec E.4 #5, #6: a failed condition or a cancelled transaction writes no stream record
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, new() { ["id"] = new() { S = "a" } });

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Db.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new() { ["id"] = new() { S = "a" }, ["v"] = new() { S = "x" } },
            ConditionExpression = "attribute_not_exists(id)",
        }));
        await Assert.ThrowsAsync<TransactionCanceledException>(() => Db.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = new() { ["id"] = new() { S = "b" } } } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = table, Key = new() { ["id"] = new() { S = "zz" } }, ConditionExpression = "attribute_exists(id)" } },
            ],
        }));
        var records = await fixture.Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        Assert.Equal(["a"], records.Select(Id));
    }

    [Fact]
    public async Task DocumentModelAndContextWrites_ProduceTheSameRecordsAsLowLevelWrites()
    {
        // issue 4: DynamoDBContext and Document-model writes produce the same records as low-level writes
        var (lowLevelTable, lowLevelArn) = await fixture.CreateTableAsync();
        var (documentTable, documentArn) = await fixture.CreateTableAsync();
        var (contextTable, contextArn) = await fixture.CreateTableAsync();

        await Db.PutItemAsync(lowLevelTable, new() { ["id"] = new() { S = "k" }, ["name"] = new() { S = "n" }, ["count"] = new() { N = "2" } });
        await Db.DeleteItemAsync(lowLevelTable, new() { ["id"] = new() { S = "k" } });

        var document = new TableBuilder(Db, documentTable).AddHashKey("id", DynamoDBEntryType.String).Build();
        await document.PutItemAsync(new Document { ["id"] = "k", ["name"] = "n", ["count"] = 2 });
        await document.DeleteItemAsync("k");

        var context = new DynamoDBContextBuilder().WithDynamoDBClient(() => Db).Build();
        var config = new SaveConfig { OverrideTableName = contextTable };
        await context.SaveAsync(new Widget { Id = "k", Name = "n", Count = 2 }, config);
        await context.DeleteAsync<Widget>("k", new DeleteConfig { OverrideTableName = contextTable });

        var expected = Shape(await fixture.Streams.ReadAllAsync(lowLevelArn, await fixture.SingleShardIdAsync(lowLevelArn)));
        Assert.Equal(expected, Shape(await fixture.Streams.ReadAllAsync(documentArn, await fixture.SingleShardIdAsync(documentArn))));
        Assert.Equal(expected, Shape(await fixture.Streams.ReadAllAsync(contextArn, await fixture.SingleShardIdAsync(contextArn))));
    }

    private static List<string> Shape(List<System.Text.Json.JsonElement> records) =>
        [.. records.Select(r =>
        {
            var body = r.GetProperty("dynamodb");
            var image = body.TryGetProperty("NewImage", out var newImage) ? newImage : body.GetProperty("OldImage");
            var members = string.Join(",", image.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + p.Value.GetRawText()));
            return r.GetProperty("eventName").GetString() + " " + body.GetProperty("Keys").GetRawText() + " " + members;
        })];

    [Fact]
    public async Task InProcessRecords_SequenceNumberAndEventId_AgreeWithTheirJson()
    {
        // spec A.4: each record's SequenceNumber (21 digits, increasing) and eventID (32 hex digits) are the ones
        // GetRecords returns; in-process readers get the same values without parsing the JSON
        var (table, arn) = await fixture.CreateTableAsync();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Db.PutItemAsync(table, new() { ["id"] = new() { S = id } });
        }

        var shard = await fixture.SingleShardIdAsync(arn);
        var records = fixture.Emulator.Streams.ReadRecords(arn, shard, DynamoStreams.Emulator.Streams.StreamPosition.TrimHorizon, 100).Records;
        var overHttp = await fixture.Streams.ReadAllAsync(arn, shard);

        Assert.Equal(3, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            using var json = System.Text.Json.JsonDocument.Parse(records[i].Json);
            Assert.Equal(json.RootElement.GetProperty("dynamodb").GetProperty("SequenceNumber").GetString(), records[i].SequenceNumber);
            Assert.Equal(json.RootElement.GetProperty("eventID").GetString(), records[i].EventId);
            Assert.Equal(overHttp[i].GetProperty("dynamodb").GetProperty("SequenceNumber").GetString(), records[i].SequenceNumber);
            Assert.Equal(overHttp[i].GetProperty("eventID").GetString(), records[i].EventId);
            Assert.Matches("^[0-9]{21}$", records[i].SequenceNumber);
            Assert.Matches("^[0-9a-f]{32}$", records[i].EventId);
            Assert.Equal(records[i].Sequence, DynamoStreams.Emulator.Streams.StreamSequenceNumber.Parse(records[i].SequenceNumber));
        }

        Assert.True(records[0].Sequence < records[1].Sequence && records[1].Sequence < records[2].Sequence);
        Assert.Equal(3, records.Select(r => r.EventId).Distinct().Count());
    }

    [Fact]
    public async Task ItemsOfEverySize_OnANewStream_AreEachCapturedWhole()
    {
        // spec A.4: every write's record carries its keys and images, whatever the item's size (up to the 400 KB
        // item limit); the stream's first records are small, so large ones follow in a young stream's storage
        var (table, arn) = await fixture.CreateTableAsync(viewType: "NEW_IMAGE");
        var sizes = new[] { 10, 20_000, 10, 150_000, 300_000, 10, 390_000, 70_000 };
        for (var i = 0; i < sizes.Length; i++)
        {
            await Db.PutItemAsync(table, new() { ["id"] = new() { S = $"clé-{i}-ü" }, ["v"] = new() { S = new string((char)('a' + i), sizes[i]) } });
        }

        var shard = await fixture.SingleShardIdAsync(arn);
        var records = new List<DynamoStreams.Emulator.Streams.StreamRecord>();
        var position = DynamoStreams.Emulator.Streams.StreamPosition.TrimHorizon;
        while (records.Count < sizes.Length)
        {
            var read = fixture.Emulator.Streams.ReadRecords(arn, shard, position, 100);
            Assert.NotEmpty(read.Records);
            records.AddRange(read.Records);
            position = read.Next;
        }

        var overHttp = await fixture.Streams.ReadAllAsync(arn, shard);

        Assert.Equal(sizes.Length, records.Count);
        Assert.Equal(sizes.Length, overHttp.Count);
        for (var i = 0; i < sizes.Length; i++)
        {
            Assert.Equal($"clé-{i}-ü", records[i].PartitionKey);
            using var json = System.Text.Json.JsonDocument.Parse(records[i].Json);
            Assert.Equal(new string((char)('a' + i), sizes[i]), json.RootElement.GetProperty("dynamodb").GetProperty("NewImage").GetProperty("v").GetProperty("S").GetString());
            Assert.Equal($"clé-{i}-ü", Id(overHttp[i]));
            Assert.Equal(sizes[i], overHttp[i].GetProperty("dynamodb").GetProperty("NewImage").GetProperty("v").GetProperty("S").GetString()!.Length);
        }
    }

    private static string Id(System.Text.Json.JsonElement record) =>
        record.GetProperty("dynamodb").GetProperty("Keys").GetProperty("id").GetProperty("S").GetString()!;

    [DynamoDBTable("widgets")]
    public sealed class Widget
    {
        [DynamoDBHashKey("id")]
        public string Id { get; set; } = "";

        [DynamoDBProperty("name")]
        public string Name { get; set; } = "";

        [DynamoDBProperty("count")]
        public int Count { get; set; }
    }
}
