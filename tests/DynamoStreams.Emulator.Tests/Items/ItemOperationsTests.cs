using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Items;

public sealed class ItemOperationsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ItemOperationsTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient Client => _fixture.Client;

    private static Dictionary<string, AttributeValue> Item(string pk, params (string Name, AttributeValue Value)[] attributes)
    {
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new(pk) };
        foreach (var (name, value) in attributes)
        {
            item[name] = value;
        }

        return item;
    }

    [Fact]
    public async Task PutThenGet_AllTypes_RoundTrip()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var item = Item("a",
            ("s", new AttributeValue("text")),
            ("n", new AttributeValue { N = "12.50" }),
            ("b", new AttributeValue { B = new MemoryStream([1, 2, 3]) }),
            ("ss", new AttributeValue { SS = ["x", "y"] }),
            ("ns", new AttributeValue { NS = ["1", "2"] }),
            ("m", new AttributeValue { M = new Dictionary<string, AttributeValue> { ["k"] = new("v") } }),
            ("l", new AttributeValue { L = [new("e"), new AttributeValue { N = "3" }] }),
            ("nul", new AttributeValue { NULL = true }),
            ("bool", new AttributeValue { BOOL = true }));
        await Client.PutItemAsync(table, item);

        var got = (await Client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item("a"), ConsistentRead = true })).Item;
        Assert.Equal("text", got["s"].S);
        Assert.Equal("12.5", got["n"].N);
        Assert.Equal([1, 2, 3], got["b"].B.ToArray());
        Assert.Equal(["x", "y"], got["ss"].SS.Order());
        Assert.Equal("v", got["m"].M["k"].S);
        Assert.Equal("3", got["l"].L[1].N);
        Assert.True(got["nul"].NULL);
        Assert.True(got["bool"].BOOL);
    }

    [Fact]
    public async Task GetItem_Missing_ReturnsNoItem()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var response = await Client.GetItemAsync(table, Item("nobody"));
        Assert.False(response.IsItemSet);
    }

    [Fact]
    public async Task GetItem_MissingSortKey_ThrowsKeySchemaMessage()
    {
        // spec E.4 #2
        var table = await Infrastructure.Tables.CreateAsync(Client, sortKeyType: "S");
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.GetItemAsync(table, Item("a")));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("The provided key element does not match the schema", error.Message);
    }

    [Fact]
    public async Task PutItem_NumberForStringKey_ThrowsTypeMismatch()
    {
        // spec E.4 #3
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { N = "1" } }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N", error.Message);
    }

    [Fact]
    public async Task PutItem_EmptyStringKey_ThrowsEmptyKeyMessage()
    {
        // spec E.4 #3
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(table, Item("")));
        Assert.Equal("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk", error.Message);
        var keyError = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.GetItemAsync(table, Item("")));
        Assert.Equal("One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty string value. Key: pk", keyError.Message);
    }

    [Fact]
    public async Task PutItem_MissingKey_ThrowsMissingKeyMessage()
    {
        // spec E.2
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["other"] = new("x") }));
        Assert.Equal("One or more parameter values were invalid: Missing the key pk in the item", error.Message);
    }

    [Fact]
    public async Task PutItem_401KB_ThrowsSizeMessage()
    {
        // spec E.4 #4
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(table, Item("big", ("data", new AttributeValue(new string('x', 401 * 1024))))));
        Assert.Equal("Item size has exceeded the maximum allowed size", error.Message);
    }

    [Fact]
    public async Task PutItem_PartitionKeyOver2048Bytes_ThrowsKeySizeMessage()
    {
        // spec E.3: partition key 1–2048 bytes
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(table, Item(new string('k', 2049))));
        Assert.Equal("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes", error.Message);
    }

    [Fact]
    public async Task PutItem_AttributeNotExistsOnExisting_ThrowsConditionalCheckFailed()
    {
        // spec E.4 #5 (the stream side is checked by the streams tests through the same write path)
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await Client.PutItemAsync(table, Item("a", ("v", new AttributeValue("1"))));
        var error = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Client.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = Item("a", ("v", new AttributeValue("2"))),
            ConditionExpression = "attribute_not_exists(pk)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));
        Assert.Equal("The conditional request failed", error.Message);
        Assert.Equal("1", error.Item["v"].S);
        Assert.Equal("1", (await Client.GetItemAsync(table, Item("a"))).Item["v"].S);
    }

    [Fact]
    public async Task PutItem_ReturnValuesAllOld_ReturnsPreviousItem()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await Client.PutItemAsync(table, Item("a", ("v", new AttributeValue("1"))));
        var response = await Client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item("a", ("v", new AttributeValue("2"))), ReturnValues = ReturnValue.ALL_OLD });
        Assert.Equal("1", response.Attributes["v"].S);
        var bad = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item("a"), ReturnValues = ReturnValue.ALL_NEW }));
        // The service's text, as public reports quote it (github.com/taoensso/faraday issue 64, github.com/boto/boto3 issue 4499).
        Assert.Equal("Return values set to invalid value", bad.Message);
    }

    [Fact]
    public async Task UpdateItem_SetRemoveAdd_AppliesAllThree()
    {
        // spec E.4 #8: SET a = :v REMOVE b ADD c :one applies all three
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await Client.PutItemAsync(table, Item("a", ("b", new AttributeValue("gone")), ("c", new AttributeValue { N = "1" })));
        var response = await Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = Item("a"),
            UpdateExpression = "SET a = :v REMOVE b ADD c :one",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = new("new"), [":one"] = new() { N = "1" } },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        Assert.Equal("new", response.Attributes["a"].S);
        Assert.False(response.Attributes.ContainsKey("b"));
        Assert.Equal("2", response.Attributes["c"].N);
    }

    [Fact]
    public async Task UpdateItem_UnusedValue_ThrowsUnusedText()
    {
        // spec E.4 #8: unused :w → unused-value text
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = Item("a"),
            UpdateExpression = "SET a = :v",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = new("x"), [":w"] = new("y") },
        }));
        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}", error.Message);
    }

    [Fact]
    public async Task UpdateItem_ReturnValuesUpdatedOldAndNew_ReturnOnlyUpdatedAttributes()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await Client.PutItemAsync(table, Item("a", ("x", new AttributeValue("1")), ("y", new AttributeValue("keep"))));
        var request = new UpdateItemRequest
        {
            TableName = table,
            Key = Item("a"),
            UpdateExpression = "SET x = :v",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = new("2") },
            ReturnValues = ReturnValue.UPDATED_OLD,
        };
        var old = await Client.UpdateItemAsync(request);
        Assert.Equal(["x"], old.Attributes.Keys);
        Assert.Equal("1", old.Attributes["x"].S);
        request.ReturnValues = ReturnValue.UPDATED_NEW;
        request.ExpressionAttributeValues[":v"] = new AttributeValue("3");
        var updated = await Client.UpdateItemAsync(request);
        Assert.Equal("3", updated.Attributes["x"].S);
        Assert.Single(updated.Attributes);
    }

    [Fact]
    public async Task UpdateItem_KeyAttribute_ThrowsCannotUpdateKey()
    {
        // spec E.2: key in an update
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = Item("a"),
            UpdateExpression = "SET pk = :v",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = new("b") },
        }));
        Assert.Equal("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key", error.Message);
    }

    [Fact]
    public async Task UpdateItem_MissingItemNoExpression_CreatesKeyOnlyItem()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await Client.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = Item("fresh") });
        var got = await Client.GetItemAsync(table, Item("fresh"));
        Assert.Equal(["pk"], got.Item.Keys);
    }

    [Fact]
    public async Task DeleteItem_WithConditionAndAllOld_DeletesAndReturnsOld()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await Client.PutItemAsync(table, Item("a", ("v", new AttributeValue("1"))));
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = table,
            Key = Item("a"),
            ConditionExpression = "v = :two",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":two"] = new("2") },
        }));
        var deleted = await Client.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = Item("a"), ReturnValues = ReturnValue.ALL_OLD });
        Assert.Equal("1", deleted.Attributes["v"].S);
        Assert.False((await Client.GetItemAsync(table, Item("a"))).IsItemSet);
    }

    [Fact]
    public async Task AnyItemOperation_MissingTable_ThrowsResourceNotFound()
    {
        // spec E.4 #7, E.2: data plane uses "Requested resource not found"
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.GetItemAsync("no-such-table", Item("a")));
        Assert.Equal("Requested resource not found", error.Message);
    }

    [Fact]
    public async Task PutItem_ReturnConsumedCapacityTotal_ReportsUnits()
    {
        var table = await Infrastructure.Tables.CreateAsync(Client);
        var response = await Client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item("a", ("d", new AttributeValue(new string('x', 1500)))), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(table, response.ConsumedCapacity.TableName);
        Assert.Equal(2, response.ConsumedCapacity.CapacityUnits);
        // Real DynamoDB reports the aggregate only outside transactions (github.com/paritysuite/dynamodb-conformance
        // issue 69; observed: dynalite suite putItem.js 'should return ConsumedCapacity for larger item').
        Assert.Null(response.ConsumedCapacity.WriteCapacityUnits);
    }

    [Fact]
    public async Task GetItem_ReturnConsumedCapacityTotal_ReportsAggregateUnitsOnly()
    {
        // observed: dynalite suite getItem.js 'should return ConsumedCapacity for small item with no ConsistentRead'.
        var table = await Infrastructure.Tables.CreateAsync(Client);
        await Client.PutItemAsync(table, Item("a"));

        var response = await Client.GetItemAsync(new GetItemRequest { TableName = table, Key = Item("a"), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });

        Assert.Equal(0.5, response.ConsumedCapacity.CapacityUnits);
        Assert.Null(response.ConsumedCapacity.ReadCapacityUnits);
        Assert.Null(response.ConsumedCapacity.WriteCapacityUnits);
    }

    private async Task<string> CreateIndexedTableAsync()
    {
        var name = Infrastructure.Tables.UniqueName("ix");
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("c", ScalarAttributeType.S), new("d", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex { IndexName = "byC", KeySchema = [new("pk", KeyType.HASH), new("c", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } },
            ],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex { IndexName = "byD", KeySchema = [new("d", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } },
            ],
        });
        return name;
    }

    private static Dictionary<string, AttributeValue> RangeKey(string pk) => new() { ["pk"] = new(pk), ["sk"] = new("s") };

    [Theory]
    [InlineData("SET d.b = :n")]
    [InlineData("SET d[1] = :n")]
    [InlineData("SET e = d[1], f = :n")]
    public async Task UpdateItem_PathIntoIndexKey_IsRefusedBeforeTheItemIsRead(string expression)
    {
        // observed: dynalite suite updateItem.js 'should return ValidationException if trying to update index map'
        var table = await CreateIndexedTableAsync();
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = RangeKey("a"), UpdateExpression = expression, ExpressionAttributeValues = new() { [":n"] = new() { N = "1" } },
        }));
        Assert.Equal("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d", error.Message);
    }

    [Theory]
    [InlineData("ADD c :n")]
    [InlineData("SET e = :n, c = e + :n")]
    public async Task UpdateItem_StaticallyWrongIndexKeyType_NamesTheIndex(string expression)
    {
        // observed: dynalite suite updateItem.js 'should return ValidationException if trying to update wrong type on index'
        var table = await CreateIndexedTableAsync();
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = RangeKey("a"), UpdateExpression = expression, ExpressionAttributeValues = new() { [":n"] = new() { N = "1" } },
        }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: byC", error.Message);
    }

    [Fact]
    public async Task UpdateItem_CopiedValueOfWrongTypeIntoIndexKey_IsUnsupportedType()
    {
        // observed: dynalite suite updateItem.js 'should return ValidationException if trying to update existing index'
        var table = await CreateIndexedTableAsync();
        await Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = RangeKey("a"), UpdateExpression = "SET e = :n", ExpressionAttributeValues = new() { [":n"] = new() { N = "1" } },
        });
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = RangeKey("a"), UpdateExpression = "SET d = e",
        }));
        Assert.Equal("The update expression attempted to update the secondary index key to unsupported type", error.Message);
    }

    [Theory]
    [InlineData("pk.x", "Key: pk")]
    [InlineData("c[0]", "IndexKey: c")]
    public async Task GetItem_ProjectionIntoKeyAttribute_IsRefused(string projection, string key)
    {
        // observed: dynalite suite getItem.js 'non-scalar key access in ProjectionExpression', 'non-scalar index access in ProjectionExpression'
        var table = await CreateIndexedTableAsync();
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.GetItemAsync(new GetItemRequest
        {
            TableName = table, Key = RangeKey("a"), ProjectionExpression = projection,
        }));
        Assert.Equal("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: " + key, error.Message);
    }
}
