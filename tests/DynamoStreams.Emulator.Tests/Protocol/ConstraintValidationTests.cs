using System.Net;
using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Protocol;

/// <summary>
/// The member constraints DynamoDB's request validator checks after deserializing and before the operation
/// runs, sent as raw JSON because the SDK refuses most of these requests itself.
/// </summary>
public sealed class ConstraintValidationTests : IClassFixture<EmulatorFixture>
{
    private const string Validation = "com.amazon.coral.validate#ValidationException";

    private readonly EmulatorFixture _fixture;

    public ConstraintValidationTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private async Task<(string Type, string Message)> PostAsync(string operation, string body)
    {
        using var http = new HttpClient { BaseAddress = _fixture.Emulator.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        foreach (var (name, value) in RawHttp.Signed("DynamoDB_20120810." + operation))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return (document.RootElement.GetProperty("__type").GetString()!, document.RootElement.GetProperty("message").GetString()!);
    }

    /// <summary>Splits "N validation errors detected: a; b" into its count and errors.</summary>
    private static (int Count, string[] Errors) Split(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var count = int.Parse(message[..message.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        return (count, message[(colon + 2)..].Split("; "));
    }

    [Fact]
    public async Task PutItem_BadNameAndEnums_ReportsEveryViolation()
    {
        // observed: dynalite suite putItem.js 'should return ValidationException for incorrect attributes'
        var (type, message) = await PostAsync("PutItem",
            """{"TableName":"abc;","ReturnConsumedCapacity":"hi","ReturnItemCollectionMetrics":"hi","ReturnValues":"hi"}""");
        Assert.Equal(Validation, type);
        var (count, errors) = Split(message);
        Assert.Equal(5, count);
        Assert.Contains("Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]", errors);
        Assert.Contains("Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", errors);
        Assert.Contains("Value null at 'item' failed to satisfy constraint: Member must not be null", errors);
        Assert.Contains("Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]", errors);
        Assert.Contains("Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]", errors);
    }

    [Fact]
    public async Task GetItem_EmptyTableName_ReportsPatternAndLength()
    {
        // observed: dynalite suite getItem.js 'should return ValidationException for empty TableName'
        var (_, message) = await PostAsync("GetItem", """{"TableName":""}""");
        var (count, errors) = Split(message);
        Assert.Equal(3, count);
        Assert.Contains("Value '' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", errors);
        Assert.Contains("Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3", errors);
    }

    [Fact]
    public async Task CreateTable_NineEmptyLocalIndexes_ReportsTheFirstTenOnly()
    {
        // observed: dynalite suite createTable.js 'should return ValidationException for more than five empty LocalSecondaryIndexes'
        // (27 violations: DynamoDB reports ten, element by element, members in model order)
        var (_, message) = await PostAsync("CreateTable", """
            {"TableName":"abc","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},{"AttributeName":"b","AttributeType":"S"}],
             "KeySchema":[{"KeyType":"HASH","AttributeName":"a"},{"KeyType":"RANGE","AttributeName":"b"}],
             "LocalSecondaryIndexes":[{},{},{},{},{},{},{},{},{}],"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}
            """);
        var (count, errors) = Split(message);
        Assert.Equal(10, count);
        Assert.Equal(10, errors.Length);
        Assert.Equal("Value null at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must not be null", errors[0]);
        Assert.Equal("Value null at 'localSecondaryIndexes.4.member.indexName' failed to satisfy constraint: Member must not be null", errors[9]);
    }

    [Fact]
    public async Task CreateTable_KeySchemaMembers_ReportsIndexedPathsAndListValue()
    {
        // observed: dynalite suite createTable.js 'should return ValidationException for key element names'
        var (_, message) = await PostAsync("CreateTable", """
            {"TableName":"abc","AttributeDefinitions":[],"KeySchema":[{"KeyType":"HASH"},{"AttributeName":"a"},{"KeyType":"Woop","AttributeName":"a"}],
             "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":-1}}
            """);
        var (count, errors) = Split(message);
        Assert.Equal(5, count);
        Assert.Contains("Value null at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must not be null", errors);
        Assert.Contains("Value null at 'keySchema.2.member.keyType' failed to satisfy constraint: Member must not be null", errors);
        Assert.Contains("Value 'Woop' at 'keySchema.3.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]", errors);
        Assert.Contains("Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1", errors);
        Assert.Contains(errors, e => e.StartsWith("Value '[{", StringComparison.Ordinal) &&
            e.EndsWith("at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DescribeTable", "{}", "The parameter 'TableName' is required but was not present in the request")]
    [InlineData("DeleteTable", """{"TableName":"a;"}""", "TableName must be at least 3 characters long and at most 255 characters long")]
    [InlineData("DescribeTimeToLive", """{"TableName":""}""", "TableName must be at least 3 characters long and at most 255 characters long")]
    [InlineData("UpdateTable", """{"TableName":"abc;"}""",
        "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")]
    [InlineData("CreateTable", """{"TableName":"ab","KeySchema":[]}""", "TableName must be at least 3 characters long and at most 255 characters long")]
    public async Task ControlPlane_TableName_IsCheckedAloneBeforeOtherConstraints(string operation, string body, string expected)
    {
        // observed: dynalite suite describeTable.js / deleteTable.js / describeTimeToLive.js / updateTable.js / createTable.js
        // 'no TableName', 'short TableName', 'empty TableName', 'null attributes'
        var (type, message) = await PostAsync(operation, body);
        Assert.Equal(Validation, type);
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task BatchWriteItem_ShortNameAndEmptyList_ReportsMapKeyAndValueConstraints()
    {
        // observed: dynalite suite batchWriteItem.js 'should return ValidationException for empty list in RequestItems'
        var (_, message) = await PostAsync("BatchWriteItem", """{"RequestItems":{"a":[]}}""");
        var (count, errors) = Split(message);
        Assert.Equal(2, count);
        Assert.Contains("Value '{a=[]}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: " +
            "[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, " +
            "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]", errors);
        Assert.Contains("Value '{a=[]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: " +
            "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]", errors);
    }

    [Fact]
    public async Task BatchWriteItem_EmptyRequests_ReportsNestedMemberPaths()
    {
        // observed: dynalite suite batchWriteItem.js 'should return ValidationException for incorrect attributes'
        var (_, message) = await PostAsync("BatchWriteItem", """{"RequestItems":{"abc":[{"PutRequest":{},"DeleteRequest":{}}]}}""");
        var (count, errors) = Split(message);
        Assert.Equal(2, count);
        Assert.Contains("Value null at 'requestItems.abc.member.1.member.putRequest.item' failed to satisfy constraint: Member must not be null", errors);
        Assert.Contains("Value null at 'requestItems.abc.member.1.member.deleteRequest.key' failed to satisfy constraint: Member must not be null", errors);
    }

    [Fact]
    public async Task BatchGetItem_EmptyKeys_ReportsTheKeysOfTheTable()
    {
        // observed: dynalite suite batchGetItem.js 'should return ValidationException for empty keys'
        var (_, message) = await PostAsync("BatchGetItem", """{"RequestItems":{"abc":{"Keys":[]}}}""");
        Assert.Equal("1 validation error detected: Value '[]' at 'requestItems.abc.member.keys' failed to satisfy constraint: " +
            "Member must have length greater than or equal to 1", message);
    }

    [Fact]
    public async Task ListTables_NameAndLimit_ReportsBoth()
    {
        // observed: dynalite suite listTables.js 'should return ValidationExceptions for short ExclusiveStartTableName'
        var (_, message) = await PostAsync("ListTables", """{"ExclusiveStartTableName":"a;","Limit":500}""");
        var (count, errors) = Split(message);
        Assert.Equal(3, count);
        Assert.Contains("Value '500' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100", errors);
    }

    [Fact]
    public async Task UpdateTable_IndexUpdates_ReportsIndexedNestedPaths()
    {
        // observed: dynalite suite updateTable.js 'should return ValidationException for bad IndexName and ProvisionedThroughput'
        var (_, message) = await PostAsync("UpdateTable", """
            {"TableName":"abc","GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"a","ProvisionedThroughput":{}}},
             {"Update":{"IndexName":"abc;","ProvisionedThroughput":{"ReadCapacityUnits":1000000000001,"WriteCapacityUnits":0}}}]}
            """);
        var (count, errors) = Split(message);
        Assert.Equal(5, count);
        Assert.Contains("Value 'a' at 'globalSecondaryIndexUpdates.1.member.update.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3", errors);
        Assert.Contains("Value null at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must not be null", errors);
        Assert.Contains("Value '0' at 'globalSecondaryIndexUpdates.2.member.update.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1", errors);
    }

    [Theory]
    [InlineData("""{"TableName":"abc","ProvisionedThroughput":{"ReadCapacityUnits":1000000000001,"WriteCapacityUnits":1000000000001}}""",
        "Given value 1000000000001 for ReadCapacityUnits is out of bounds")]
    [InlineData("""{"TableName":"abc","GlobalSecondaryIndexUpdates":[]}""",
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required")]
    [InlineData("""{"TableName":"abc","GlobalSecondaryIndexUpdates":[{}]}""",
        "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null")]
    [InlineData("""{"TableName":"abc","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"abc"}},{"Delete":{"IndexName":"abc"}}]}""",
        "One or more parameter values were invalid: Only one global secondary index update per index is allowed simultaneously. Index: abc")]
    public async Task UpdateTable_MissingTable_ChecksTheRequestFirst(string body, string expected)
    {
        // observed: dynalite suite updateTable.js 'high ProvisionedThroughput.ReadCapacityUnits', 'empty GlobalSecondaryIndexUpdates',
        // 'empty index struct', 'repeated GlobalSecondaryIndexUpdates' (table abc does not exist)
        var (type, message) = await PostAsync("UpdateTable", body);
        Assert.Equal(Validation, type);
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task UpdateTable_TwoIndexDeletes_IsLimitExceeded()
    {
        // AWS UpdateTable docs: one global secondary index can be created or deleted per UpdateTable call.
        // observed: dynalite suite updateTable.js 'should return LimitExceededException for too many GlobalSecondaryIndexUpdates'
        var table = await Infrastructure.Tables.CreateAsync(_fixture.Client);
        var (type, message) = await PostAsync("UpdateTable",
            "{\"TableName\":\"" + table + "\",\"GlobalSecondaryIndexUpdates\":[{\"Delete\":{\"IndexName\":\"abc\"}},{\"Delete\":{\"IndexName\":\"abd\"}}]}");
        Assert.Equal("com.amazonaws.dynamodb.v20120810#LimitExceededException", type);
        Assert.Equal("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table", message);
    }

    [Theory]
    [InlineData("""{"TableName":"abc","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}],"KeySchema":[{"KeyType":"HASH","AttributeName":"a"},{"KeyType":"HASH","AttributeName":"a"}],"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}""",
        "Invalid KeySchema: Some index key attribute have no definition")]
    [InlineData("""{"TableName":"abc","AttributeDefinitions":[],"KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],"ProvisionedThroughput":{"ReadCapacityUnits":1000000000000,"WriteCapacityUnits":1000000000001}}""",
        "Given value 1000000000001 for WriteCapacityUnits is out of bounds")]
    public async Task CreateTable_SchemaRules_AreCheckedInDynamoDbsOrder(string body, string expected)
    {
        // observed: dynalite suite createTable.js 'missing key attr definition when double and same', 'high ProvisionedThroughput.WriteCapacityUnits'
        var (_, message) = await PostAsync("CreateTable", body);
        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("PutItem", """{"TableName":"abc","Item":{"a":{}},"Expected":{"a":{}},"ConditionExpression":""}""",
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}")]
    [InlineData("GetItem", """{"TableName":"abc","Key":{"a":{}},"ExpressionAttributeNames":{}}""",
        "ExpressionAttributeNames can only be specified when using expressions")]
    [InlineData("UpdateItem", """{"TableName":"abc","Key":{"a":{}},"ExpressionAttributeValues":{}}""",
        "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null")]
    [InlineData("DeleteItem", """{"TableName":"abc","Key":{"a":{}},"ExpressionAttributeValues":{}}""",
        "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null")]
    public async Task SingleItem_ParameterMix_IsReportedBeforeInvalidValues(string operation, string body, string expected)
    {
        // observed: dynalite suite putItem.js / getItem.js / updateItem.js / deleteItem.js 'if expression and non-expression',
        // 'if ExpressionAttributeNames but no ...', 'if ExpressionAttributeValues but no ConditionExpression' (the empty value {} loses)
        var (_, message) = await PostAsync(operation, body);
        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("""{"NULL":"no"}""", "One or more parameter values were invalid: Null attribute value types must have the value of true")]
    [InlineData("""{"SS":[]}""", "One or more parameter values were invalid: An string set  may not be empty")]
    public async Task PutItem_InvalidValue_IsValidationNotSerialization(string value, string expected)
    {
        // observed: dynalite suite putItem.js 'should return ValidationException for invalid values in Item'
        var (type, message) = await PostAsync("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"a\":" + value + "}}");
        Assert.Equal(Validation, type);
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task BatchGetItem_DuplicateKeys_IsReportedBeforeTheTableLookup()
    {
        // observed: dynalite suite batchGetItem.js 'should return ValidationException for duplicated keys' (table abc does not exist)
        var (_, message) = await PostAsync("BatchGetItem",
            """{"RequestItems":{"abc":{"Keys":[{"a":{"S":"x"},"b":{"N":"1"}},{"b":{"N":"1"},"a":{"S":"x"}}]}}}""");
        Assert.Equal("Provided list of item keys contains duplicates", message);
    }

    [Theory]
    [InlineData("[{}]", "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")]
    [InlineData("""[{"PutRequest":{"Item":{"other":{"S":"a"}}}}]""", "The provided key element does not match the schema")]
    public async Task BatchWriteItem_BadRequest_UsesTheBatchMessages(string requests, string expected)
    {
        // observed: dynalite suite batchWriteItem.js 'empty item in RequestItems', 'if key does not match schema'
        var table = await Infrastructure.Tables.CreateAsync(_fixture.Client);
        var (_, message) = await PostAsync("BatchWriteItem", "{\"RequestItems\":{\"" + table + "\":" + requests + "}}");
        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("BatchWriteItem", """{"RequestItems":{"abc":null}}""", "requestItems.abc.member")]
    [InlineData("BatchGetItem", """{"RequestItems":{"abc":null}}""", "requestItems.abc.member")]
    [InlineData("UpdateTable", """{"TableName":"abc","GlobalSecondaryIndexUpdates":[null]}""", "globalSecondaryIndexUpdates.1.member")]
    public async Task NullElement_OfAConstrainedShape_IsAViolationNotAServerError(string operation, string body, string path)
    {
        // Every bad input gets a clear error (issue 15); the text is DynamoDB's not-null constraint at the element's path.
        var (type, message) = await PostAsync(operation, body);
        Assert.Equal(Validation, type);
        Assert.Equal("1 validation error detected: Value null at '" + path + "' failed to satisfy constraint: Member must not be null", message);
    }
}
