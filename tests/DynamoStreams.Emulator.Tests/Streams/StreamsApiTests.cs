using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DynamoStreams.Emulator.Tests.Streams;

public sealed class StreamsApiTests(StreamsFixture fixture) : IClassFixture<StreamsFixture>
{
    private AmazonDynamoDBClient Db => fixture.DynamoDb;

    private StreamsTestClient Streams => fixture.Streams;

    [Fact]
    public async Task PutItem_NewItem_WritesOneInsertWithKeysAndNewImage()
    {
        // spec A.7 #1, A.4
        var (table, arn) = await fixture.CreateTableAsync();

        await Db.PutItemAsync(table, Item("a", ("n", new AttributeValue { N = "1" })));
        var record = Assert.Single(await Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn)));

        Assert.Equal("INSERT", record.GetProperty("eventName").GetString());
        Assert.Equal("aws:dynamodb", record.GetProperty("eventSource").GetString());
        Assert.Equal("us-east-1", record.GetProperty("awsRegion").GetString());
        var body = record.GetProperty("dynamodb");
        Assert.Equal("a", body.GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
        Assert.Equal("1", body.GetProperty("NewImage").GetProperty("n").GetProperty("N").GetString());
        Assert.False(body.TryGetProperty("OldImage", out _));
        Assert.True(body.GetProperty("SizeBytes").GetInt64() >= 1);
        Assert.Equal(fixture.Clock.GetUtcNow().ToUnixTimeSeconds(), body.GetProperty("ApproximateCreationDateTime").GetInt64());
        Assert.Equal("NEW_AND_OLD_IMAGES", body.GetProperty("StreamViewType").GetString());
    }

    [Fact]
    public async Task SizeBytes_EachEvent_IsTheKeysPlusTheImagesTheRecordCarries()
    {
        // spec A.4 SizeBytes; sizes by DynamoDB's item-size rules: names and strings in UTF-8 bytes ("é" is 2)
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, Item("a", ("v", new AttributeValue { S = "xyz" })));
        await Update(table, "a", "héllo");
        await Db.DeleteItemAsync(table, Key("a"));

        var records = await Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        // keys: "id" + "a" = 3; item before: 3 + "v" + "xyz" = 7; after: 3 + "v" + "héllo" (6 bytes) = 10
        Assert.Equal([3 + 7, 3 + 10 + 7, 3 + 10], records.Select(r => r.GetProperty("dynamodb").GetProperty("SizeBytes").GetInt64()));
    }

    [Fact]
    public async Task PutItem_IdenticalItemAgain_WritesNoRecord()
    {
        // spec A.7 #2, A.3
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, Item("a", ("n", new AttributeValue { N = "1" })));
        var shard = await fixture.SingleShardIdAsync(arn);
        var first = Assert.Single(await Streams.ReadAllAsync(arn, shard));

        await Db.PutItemAsync(table, Item("a", ("n", new AttributeValue { N = "1.0" })));
        var after = await Streams.GetShardIteratorAsync(arn, shard, "AFTER_SEQUENCE_NUMBER", Sequence(first));

        Assert.Empty((await Streams.GetRecordsAsync(after)).Records);
    }

    [Fact]
    public async Task UpdateItem_SameValueThenNewValue_WritesOnlyOneModifyWithBothImages()
    {
        // spec A.7 #3
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, Item("a", ("v", new AttributeValue { S = "x" })));

        await Update(table, "a", "x");
        await Update(table, "a", "y");
        var records = await Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        Assert.Equal(["INSERT", "MODIFY"], records.Select(r => r.GetProperty("eventName").GetString()));
        var modify = records[1].GetProperty("dynamodb");
        Assert.Equal("x", modify.GetProperty("OldImage").GetProperty("v").GetProperty("S").GetString());
        Assert.Equal("y", modify.GetProperty("NewImage").GetProperty("v").GetProperty("S").GetString());
    }

    [Fact]
    public async Task DeleteItem_MissingThenExisting_WritesOneRemoveWithOldImageOnly()
    {
        // spec A.7 #4
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.DeleteItemAsync(table, Key("missing"));
        await Db.PutItemAsync(table, Item("a", ("v", new AttributeValue { S = "x" })));

        await Db.DeleteItemAsync(table, Key("a"));
        var records = await Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        Assert.Equal(["INSERT", "REMOVE"], records.Select(r => r.GetProperty("eventName").GetString()));
        var remove = records[1];
        Assert.Equal("x", remove.GetProperty("dynamodb").GetProperty("OldImage").GetProperty("v").GetProperty("S").GetString());
        Assert.False(remove.GetProperty("dynamodb").TryGetProperty("NewImage", out _));
        Assert.False(remove.TryGetProperty("userIdentity", out _));
    }

    [Theory]
    [InlineData("KEYS_ONLY", false, false, false, false)]
    [InlineData("NEW_IMAGE", true, true, false, false)]
    [InlineData("OLD_IMAGE", false, false, true, true)]
    [InlineData("NEW_AND_OLD_IMAGES", true, true, true, true)]
    public async Task Records_ForEachViewType_CarryExactlyTheMembersOfTheViewTable(
        string viewType, bool insertNew, bool modifyNew, bool modifyOld, bool removeOld)
    {
        // spec A.4 view table, A.7 #5
        var (table, arn) = await fixture.CreateTableAsync(viewType, withSortKey: true);
        var key = new Dictionary<string, AttributeValue> { ["id"] = new() { S = "k" }, ["sk"] = new() { N = "1" } };
        await Db.PutItemAsync(table, new Dictionary<string, AttributeValue>(key) { ["v"] = new() { S = "1" } });
        await Db.PutItemAsync(table, new Dictionary<string, AttributeValue>(key) { ["v"] = new() { S = "2" } });
        await Db.DeleteItemAsync(table, key);

        var records = (await Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn))).Select(r => r.GetProperty("dynamodb")).ToList();

        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(["id", "sk"], r.GetProperty("Keys").EnumerateObject().Select(p => p.Name)));
        Assert.All(records, r => Assert.Equal(viewType, r.GetProperty("StreamViewType").GetString()));
        Assert.Equal((insertNew, false), Members(records[0]));
        Assert.Equal((modifyNew, modifyOld), Members(records[1]));
        Assert.Equal((false, removeOld), Members(records[2]));
    }

    [Fact]
    public async Task FiveWrites_ToOneItem_GiveFiveRecordsWithIncreasingSequenceNumbers()
    {
        // spec A.7 #6, A.1 sequence numbers
        var (table, arn) = await fixture.CreateTableAsync();
        for (var i = 0; i < 5; i++)
        {
            await Db.PutItemAsync(table, Item("a", ("n", new AttributeValue { N = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        }

        var records = await Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));
        var sequences = records.Select(r => System.Numerics.BigInteger.Parse(Sequence(r), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Matches("^[0-9]{21,40}$", Sequence(r)));
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(5, sequences.Distinct().Count());
        Assert.Equal(["0", "1", "2", "3", "4"], records.Select(r => r.GetProperty("dynamodb").GetProperty("NewImage").GetProperty("n").GetProperty("N").GetString()));
    }

    [Fact]
    public async Task DescribeTable_AfterEnabling_ShowsLatestStreamArnAndLabel()
    {
        // spec A.7 #7, A.1 ARN format
        var (table, arn) = await fixture.CreateTableAsync();

        var description = (await Db.DescribeTableAsync(table)).Table;

        Assert.True(description.StreamSpecification.StreamEnabled);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$", description.LatestStreamLabel);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:000000000000:table/{table}/stream/{description.LatestStreamLabel}", description.LatestStreamArn);
        Assert.Equal(arn, description.LatestStreamArn);
    }

    [Fact]
    public async Task UpdateTable_DisableThenEnable_GivesNewStreamAndClosesTheOld()
    {
        // spec A.7 #8, #9, A.2
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, Item("a"));
        var shard = await fixture.SingleShardIdAsync(arn);
        var open = await Streams.DescribeStreamAsync(arn);

        await Assert.ThrowsAsync<ResourceInUseException>(() => SetStream(table, true));
        await SetStream(table, false);
        await Assert.ThrowsAsync<AmazonDynamoDBException>(() => SetStream(table, false));
        var disabled = await Streams.DescribeStreamAsync(arn);
        await SetStream(table, true);
        var newArn = (await Db.DescribeTableAsync(table)).Table.LatestStreamArn;

        Assert.Equal("ENABLED", open.GetProperty("StreamStatus").GetString());
        Assert.False(open.GetProperty("Shards")[0].GetProperty("SequenceNumberRange").TryGetProperty("EndingSequenceNumber", out _));
        Assert.Equal("DISABLED", disabled.GetProperty("StreamStatus").GetString());
        Assert.All(disabled.GetProperty("Shards").EnumerateArray(),
            s => Assert.True(s.GetProperty("SequenceNumberRange").TryGetProperty("EndingSequenceNumber", out _)));
        Assert.NotEqual(arn, newArn);
        var (records, next) = await Streams.GetRecordsAsync(await Streams.GetShardIteratorAsync(arn, shard, "TRIM_HORIZON"));
        Assert.Single(records);
        Assert.Null(next);
    }

    [Fact]
    public async Task GetShardIterator_TrimHorizonAndLatest_ReadTheRightRecords()
    {
        // spec A.7 #10
        var (table, arn) = await fixture.CreateTableAsync();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Db.PutItemAsync(table, Item(id));
        }

        var shard = await fixture.SingleShardIdAsync(arn);
        var (fromHorizon, _) = await Streams.GetRecordsAsync(await Streams.GetShardIteratorAsync(arn, shard, "TRIM_HORIZON"));
        var (fromLatest, next) = await Streams.GetRecordsAsync(await Streams.GetShardIteratorAsync(arn, shard, "LATEST"));
        await Db.PutItemAsync(table, Item("d"));
        var (afterWrite, _) = await Streams.GetRecordsAsync(next!);

        Assert.Equal(3, fromHorizon.Count);
        Assert.Empty(fromLatest);
        Assert.Equal("d", Assert.Single(afterWrite).GetProperty("dynamodb").GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
    }

    [Fact]
    public async Task GetRecords_Limit2Over5Records_Pages2Then2Then1()
    {
        // spec A.7 #11
        var (table, arn) = await fixture.CreateTableAsync();
        for (var i = 0; i < 5; i++)
        {
            await Db.PutItemAsync(table, Item("i" + i));
        }

        var iterator = await Streams.GetShardIteratorAsync(arn, await fixture.SingleShardIdAsync(arn), "TRIM_HORIZON");
        var counts = new List<int>();
        for (var page = 0; page < 3; page++)
        {
            var (records, next) = await Streams.GetRecordsAsync(iterator, limit: 2);
            counts.Add(records.Count);
            iterator = next!;
        }

        Assert.Equal([2, 2, 1], counts);
    }

    [Fact]
    public async Task GetRecords_Limit1001_IsRejected()
    {
        // spec A.7 #11, A.5 GetRecords limit
        var (_, arn) = await fixture.CreateTableAsync();
        var iterator = await Streams.GetShardIteratorAsync(arn, await fixture.SingleShardIdAsync(arn), "TRIM_HORIZON");

        var error = await Assert.ThrowsAsync<StreamsClientException>(() => Streams.GetRecordsAsync(iterator, limit: 1001));

        Assert.Equal("LimitExceededException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task GetRecords_IteratorOlderThan15Minutes_ThrowsExpiredIterator()
    {
        // spec A.7 #12, A.5 iterator expiry
        var (_, arn) = await fixture.CreateTableAsync();
        var iterator = await Streams.GetShardIteratorAsync(arn, await fixture.SingleShardIdAsync(arn), "TRIM_HORIZON");

        fixture.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<StreamsClientException>(() => Streams.GetRecordsAsync(iterator));

        Assert.Equal("ExpiredIteratorException", error.ErrorCode);
        Assert.Equal("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", error.WireType);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Records_OlderThan24Hours_AreTrimmed()
    {
        // spec A.7 #13, A.6
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, Item("old"));
        var shard = await fixture.SingleShardIdAsync(arn);
        var old = Assert.Single(await Streams.ReadAllAsync(arn, shard));

        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await Db.PutItemAsync(table, Item("new"));
        var (fromHorizon, _) = await Streams.GetRecordsAsync(await Streams.GetShardIteratorAsync(arn, shard, "TRIM_HORIZON"));
        var error = await Assert.ThrowsAsync<StreamsClientException>(() =>
            Streams.GetShardIteratorAsync(arn, shard, "AT_SEQUENCE_NUMBER", Sequence(old)));

        Assert.Equal("new", Assert.Single(fromHorizon).GetProperty("dynamodb").GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
        Assert.Equal("TrimmedDataAccessException", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteTable_StreamStaysListedAndReadableAsDisabled()
    {
        // spec A.7 #15, A.2
        var (table, arn) = await fixture.CreateTableAsync();
        await Db.PutItemAsync(table, Item("a"));

        await Db.DeleteTableAsync(table);
        var listed = (await Streams.ListStreamsAsync(table)).GetProperty("Streams").EnumerateArray().Select(s => s.GetProperty("StreamArn").GetString());
        var description = await Streams.DescribeStreamAsync(arn);
        var records = await Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        Assert.Contains(arn, listed);
        Assert.Equal("DISABLED", description.GetProperty("StreamStatus").GetString());
        Assert.Single(records);
    }

    [Fact]
    public async Task DescribeStream_BadArn_Throws400ResourceNotFound()
    {
        // spec A.7 #15, A.6 error shape
        var error = await Assert.ThrowsAsync<StreamsClientException>(() =>
            Streams.DescribeStreamAsync("arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000"));

        Assert.Equal("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", error.WireType);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task GetShardIterator_AtSequenceNumberWithoutNumber_ThrowsValidation()
    {
        // spec A.5: missing SequenceNumber for AT/AFTER
        var (_, arn) = await fixture.CreateTableAsync();

        var error = await Assert.ThrowsAsync<StreamsClientException>(() =>
            Streams.GetShardIteratorAsync(arn, "shardId-00000000000000000000-00000000", "AT_SEQUENCE_NUMBER"));

        Assert.Equal("com.amazon.coral.validate#ValidationException", error.WireType);
    }

    [Fact]
    public async Task DescribeStream_Shape_HasKeySchemaTableAndCreationTime()
    {
        // spec A.5 DescribeStream members
        var (table, arn) = await fixture.CreateTableAsync(withSortKey: true);

        var description = await Streams.DescribeStreamAsync(arn);

        Assert.Equal(table, description.GetProperty("TableName").GetString());
        Assert.Equal(arn, description.GetProperty("StreamArn").GetString());
        Assert.Equal(arn[(arn.LastIndexOf('/') + 1)..], description.GetProperty("StreamLabel").GetString());
        Assert.Equal([("id", "HASH"), ("sk", "RANGE")], description.GetProperty("KeySchema").EnumerateArray()
            .Select(k => (k.GetProperty("AttributeName").GetString(), k.GetProperty("KeyType").GetString())));
        Assert.Equal(JsonValueKind.Number, description.GetProperty("CreationRequestDateTime").ValueKind);
        Assert.Matches("^shardId-[0-9]{20}-[0-9a-f]{8}$", description.GetProperty("Shards")[0].GetProperty("ShardId").GetString());
    }

    [Fact]
    public async Task ListStreams_WithLimit_PagesUntilNoLastEvaluatedArn()
    {
        // spec A.5 ListStreams paging
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await fixture.CreateTableAsync()).StreamArn);
        }

        var seen = new List<string>();
        string? start = null;
        do
        {
            var page = await Streams.ListStreamsAsync(limit: 2, exclusiveStartStreamArn: start);
            seen.AddRange(page.GetProperty("Streams").EnumerateArray().Select(s => s.GetProperty("StreamArn").GetString()!));
            start = page.TryGetProperty("LastEvaluatedStreamArn", out var last) ? last.GetString() : null;
        }
        while (start is not null);

        Assert.All(created, arn => Assert.Contains(arn, seen));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    private static (bool HasNew, bool HasOld) Members(JsonElement body) =>
        (body.TryGetProperty("NewImage", out _), body.TryGetProperty("OldImage", out _));

    private static string Sequence(JsonElement record) => record.GetProperty("dynamodb").GetProperty("SequenceNumber").GetString()!;

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["id"] = new AttributeValue { S = id } };

    private static Dictionary<string, AttributeValue> Item(string id, params (string Name, AttributeValue Value)[] attributes)
    {
        var item = Key(id);
        foreach (var (name, value) in attributes)
        {
            item[name] = value;
        }

        return item;
    }

    private Task Update(string table, string id, string value) => Db.UpdateItemAsync(new UpdateItemRequest
    {
        TableName = table,
        Key = Key(id),
        UpdateExpression = "SET v = :v",
        ExpressionAttributeValues = new() { [":v"] = new AttributeValue { S = value } },
    });

    private Task SetStream(string table, bool enabled) => Db.UpdateTableAsync(new UpdateTableRequest
    {
        TableName = table,
        StreamSpecification = enabled
            ? new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES }
            : new StreamSpecification { StreamEnabled = false },
    });

    [Fact]
    public async Task DescribeStream_MalformedArnOfValidLength_ThrowsInvalidStreamArn()
    {
        // observed (AWS SDK for Java against DynamoDB Streams): "Invalid StreamArn (Service: AmazonDynamoDBStreams;
        // Status Code: 400; Error Code: ValidationException)"; a well-formed unknown ARN is ResourceNotFound instead
        var error = await Assert.ThrowsAsync<StreamsClientException>(() =>
            Streams.DescribeStreamAsync("arn:aws:dynamodb:us-east-1:000000000000:table/none"));

        Assert.Equal("com.amazon.coral.validate#ValidationException", error.WireType);
        Assert.Equal("Invalid StreamArn", error.Message);
    }

    [Fact]
    public async Task DescribeStream_ArnShorterThan37_ReportsTheLengthConstraint()
    {
        // AWS API model (dynamodbstreams StreamArn: length 37 to 1024)
        var error = await Assert.ThrowsAsync<StreamsClientException>(() => Streams.DescribeStreamAsync("arn:short"));

        Assert.Equal("1 validation error detected: Value 'arn:short' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37", error.Message);
    }

    [Fact]
    public async Task GetShardIterator_NoMembers_ReportsEveryMissingMemberInOneError()
    {
        // AWS API model: StreamArn, ShardId and ShardIteratorType are required; coral lists every violation
        var error = await Assert.ThrowsAsync<StreamsClientException>(() => Streams.SendAsync("GetShardIterator", []));

        Assert.Equal("com.amazon.coral.validate#ValidationException", error.WireType);
        Assert.Equal(
            "3 validation errors detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null; " +
            "Value null at 'shardId' failed to satisfy constraint: Member must not be null; " +
            "Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null", error.Message);
    }

    [Fact]
    public async Task GetShardIterator_ShortShardIdBadTypeShortSequenceNumber_CollectsEachConstraint()
    {
        // AWS API model: ShardId length 28 to 65, ShardIteratorType enum, SequenceNumber length 21 to 40
        var (_, arn) = await fixture.CreateTableAsync();

        var error = await Assert.ThrowsAsync<StreamsClientException>(() => Streams.GetShardIteratorAsync(arn, "shardId-1", "OLDEST", "12"));

        Assert.StartsWith("3 validation errors detected: Value 'shardId-1' at 'shardId' failed to satisfy constraint: Member must have length greater than or equal to 28; " +
            "Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Value '12' at 'sequenceNumber' failed to satisfy constraint: Member must have length greater than or equal to 21", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetShardIterator_MalformedArn_ThrowsInvalidStreamArn()
    {
        // observed: DynamoDB Streams' "Invalid StreamArn" ValidationException (see DescribeStream above)
        var error = await Assert.ThrowsAsync<StreamsClientException>(() =>
            Streams.GetShardIteratorAsync("arn:aws:dynamodb:us-east-1:000000000000:table/t/index/i", "shardId-00000000000000000000-00000000", "LATEST"));

        Assert.Equal("Invalid StreamArn", error.Message);
    }

    [Fact]
    public async Task GetShardIterator_UnknownShardOfAStream_ThrowsResourceNotFound()
    {
        // AWS DynamoDB Streams API reference, GetShardIterator: ResourceNotFoundException for a shard that does not exist
        var (_, arn) = await fixture.CreateTableAsync();

        var error = await Assert.ThrowsAsync<StreamsClientException>(() =>
            Streams.GetShardIteratorAsync(arn, "shardId-00000000000000000000-00000000", "LATEST"));

        Assert.Equal("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", error.WireType);
    }

    [Theory]
    [InlineData("GetRecords", """{"ShardIterator":""}""", "Value '' at 'shardIterator' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData("ListStreams", """{"TableName":"a!"}""", "Value 'a!' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")]
    [InlineData("DescribeStream", """{"StreamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x","ShardFilter":{"Type":"PARENT"}}""",
        "Value 'PARENT' at 'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: [CHILD_SHARDS]")]
    public async Task AnyOperation_ConstraintViolation_IsAValidationException(string operation, string json, string violation)
    {
        // AWS API model constraints of the dynamodbstreams service
        var error = await Assert.ThrowsAsync<StreamsClientException>(() => Streams.SendAsync(operation, System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject()));

        Assert.Equal("com.amazon.coral.validate#ValidationException", error.WireType);
        Assert.Contains(violation, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"StreamArn":1}""", "NUMBER_VALUE cannot be converted to String")]
    [InlineData("""{"StreamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x","ShardFilter":{"Type":1}}""", "NUMBER_VALUE cannot be converted to String")]
    public async Task DescribeStream_MemberOfTheWrongType_IsASerializationException(string json, string message)
    {
        // The Streams API shares DynamoDB's deserializer texts.
        var error = await Assert.ThrowsAsync<StreamsClientException>(() => Streams.SendAsync("DescribeStream", System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject()));

        Assert.Equal("com.amazon.coral.service#SerializationException", error.WireType);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(message, error.Message);
    }
}
