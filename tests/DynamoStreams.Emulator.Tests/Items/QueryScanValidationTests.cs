using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Items;

/// <summary>
/// The order in which Query and Scan report faults, and their messages. Most bodies are malformed on purpose, so
/// they go over raw HTTP. Rules are observed in the dynalite suite (query.js / scan.js 'validations'), which was
/// written against DynamoDB.
/// </summary>
public sealed class QueryScanValidationTests : IClassFixture<EmulatorFixture>
{
    private const string Missing = "no-such-table";
    private readonly EmulatorFixture _fixture;

    public QueryScanValidationTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Query_ManyConstraintViolations_ReportsTheFirstTenInDynamoDbsOrder()
    {
        // observed: dynalite suite query.js 'should return ValidationException for incorrect attributes'
        // (ten errors listed; keyConditions.b, the eleventh, is left out).
        var message = await ValidationMessageAsync("Query", """
            {"TableName":"abc;","ReturnConsumedCapacity":"hi","AttributesToGet":[],"IndexName":"abc;","Select":"hi","Limit":-1,
             "KeyConditions":{"a":{},"b":{"ComparisonOperator":""}},"ConditionalOperator":"AN","QueryFilter":{"a":{},"b":{"ComparisonOperator":""}}}
            """);
        Assert.StartsWith("10 validation errors detected: ", message);
        Assert.Contains("Value 'hi' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]", message);
        Assert.Contains("Value null at 'queryFilter.a.member.comparisonOperator' failed to satisfy constraint: Member must not be null", message);
        Assert.Contains("Value 'AN' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]", message);
        Assert.Contains("Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1", message);
        Assert.Contains("Value null at 'keyConditions.a.member.comparisonOperator'", message);
        Assert.DoesNotContain("keyConditions.b", message);
    }

    [Fact]
    public async Task Scan_ManyConstraintViolations_ReportsSegmentsAndLeavesAttributesToGetOut()
    {
        // observed: dynalite suite scan.js 'should return ValidationException for incorrect attributes'.
        var message = await ValidationMessageAsync("Scan", """
            {"TableName":"abc;","ReturnConsumedCapacity":"hi","AttributesToGet":[],"IndexName":"abc;","Segment":-1,"TotalSegments":-1,
             "Select":"hi","Limit":-1,"ScanFilter":{"a":{},"b":{"ComparisonOperator":""}},"ConditionalOperator":"AN"}
            """);
        Assert.StartsWith("10 validation errors detected: ", message);
        Assert.Contains("Value '-1' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1", message);
        Assert.Contains("Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0", message);
        Assert.Contains("Value '' at 'scanFilter.b.member.comparisonOperator'", message);
        Assert.DoesNotContain("attributesToGet", message);
    }

    [Fact]
    public async Task Query_EmptyTableName_ReportsPatternAndLength()
    {
        // observed: dynalite suite query.js 'should return ValidationException for empty TableName'.
        var message = await ValidationMessageAsync("Query", """{"TableName":""}""");
        Assert.Equal(
            "2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
            + "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
            message);
    }

    [Theory]
    [InlineData(""","KeyConditionExpression":"" """, "{AttributesToGet, QueryFilter, ConditionalOperator, KeyConditions}", "{ProjectionExpression, FilterExpression, KeyConditionExpression}")]
    [InlineData("", "{AttributesToGet, QueryFilter, ConditionalOperator}", "{ProjectionExpression, FilterExpression}")]
    public async Task Query_MixedParameters_ReportedBeforeValues(string keyConditionExpression, string legacy, string expressions)
    {
        // observed: dynalite suite query.js 'if all expressions and non-expression' (with and without KeyConditionExpression):
        // KeyConditions counts as non-expression only next to KeyConditionExpression; the bad ExclusiveStartKey comes later.
        var message = await ValidationMessageAsync("Query", """
            {"TableName":"abc","ExclusiveStartKey":{"a":{}},"AttributesToGet":["a","a"],"QueryFilter":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[{}]}},
             "ConditionalOperator":"OR","KeyConditions":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[{}]}},"ProjectionExpression":"","FilterExpression":""%keyConditionExpression%,
             "ExpressionAttributeNames":{},"ExpressionAttributeValues":{}}
            """.Replace("%keyConditionExpression%", keyConditionExpression));
        Assert.Equal($"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {legacy} Expression parameters: {expressions}", message);
    }

    [Theory]
    [InlineData("Query", "QueryFilter", "FilterExpression and KeyConditionExpression are null")]
    [InlineData("Scan", "ScanFilter", "FilterExpression is null")]
    public async Task ExpressionAttributeValuesWithoutExpressions_NamesTheExpressionsThatAreMissing(string operation, string filter, string missing)
    {
        // observed: dynalite suite query.js / scan.js 'if ExpressionAttributeValues but no expressions'.
        var message = await ValidationMessageAsync(operation, """
            {"TableName":"abc","%filter%":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[{}]}},"AttributesToGet":["a","a"],
             "ExclusiveStartKey":{"a":{}},"ExpressionAttributeValues":{}}
            """.Replace("%filter%", filter));
        Assert.Equal("ExpressionAttributeValues can only be specified when using expressions: " + missing, message);
    }

    [Fact]
    public async Task Query_QueryFilterFault_ReportedBeforeDuplicateAttributesAndStartKey()
    {
        // observed: dynalite suite query.js 'for incorrect number of QueryFilter arguments'.
        var message = await ValidationMessageAsync("Query", """
            {"TableName":"abc","ExclusiveStartKey":{"a":{}},"AttributesToGet":["a","a"],
             "KeyConditions":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[{}]}},"QueryFilter":{"a":{"ComparisonOperator":"EQ"}}}
            """);
        Assert.Equal("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator", message);
    }

    [Fact]
    public async Task Scan_DuplicateAttributesToGet_ReportedBeforeScanFilterFault()
    {
        // observed: dynalite suite scan.js 'for duplicate values in AttributesToGet'.
        var message = await ValidationMessageAsync("Scan", """
            {"TableName":"abc","Segment":1,"ScanFilter":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[{},{"S":""}]}},
             "ExclusiveStartKey":{"a":{}},"AttributesToGet":["a","a"]}
            """);
        Assert.Equal("One or more parameter values were invalid: Duplicate value in attribute name: a", message);
    }

    [Theory]
    [InlineData("""{}""", "The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"L":[{}]}""", "The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"S":"a","N":"1"}""", "The provided starting key is invalid: Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")]
    [InlineData("""{"SS":[]}""", "The provided starting key is invalid: One or more parameter values were invalid: An string set  may not be empty")]
    [InlineData("""{"NS":[]}""", "One or more parameter values were invalid: An number set  may not be empty")]
    [InlineData("""{"SS":["a","a"]}""", "One or more parameter values were invalid: Input collection [a, a] contains duplicates.")]
    [InlineData("""{"N":"b"}""", "The parameter cannot be converted to a numeric value: b")]
    public async Task StartKeyValueFault_ReportedBeforeKeyConditionsAndPlaceholders(string value, string expected)
    {
        // observed: dynalite suite query.js / scan.js 'for unsupported datatype / invalid values / empty numbers in ExclusiveStartKey':
        // some value faults carry the "starting key is invalid" prefix, number and duplicate faults do not.
        var query = await ValidationMessageAsync("Query", """{"TableName":"abc","KeyConditions":{"a":{"ComparisonOperator":"EQ"}},"ExclusiveStartKey":{"a":%value%}}""".Replace("%value%", value));
        var scan = await ValidationMessageAsync("Scan", """{"TableName":"abc","Segment":1,"FilterExpression":"","ExpressionAttributeNames":{},"ExclusiveStartKey":{"a":%value%}}""".Replace("%value%", value));
        Assert.Equal(expected, query);
        Assert.Equal(expected, scan);
    }

    [Theory]
    [InlineData("""KeyConditions":{},"QueryFilter":{}""")]
    [InlineData("""KeyConditionExpression":":a = a and b = :a and :a = c","ExpressionAttributeValues":{":a":{"S":"a"}}""")]
    public async Task Query_NotOneOrTwoKeyConditions_RejectedBeforeTheTableIsLookedUp(string members)
    {
        // observed: dynalite suite query.js 'for incorrect number of KeyConditions' (against a table that does not exist).
        Assert.Equal("Conditions can be of length 1 or 2 only", await ValidationMessageAsync("Query", """{"TableName":"abc","%members%}""".Replace("%members%", members)));
    }

    [Theory]
    [InlineData("", "a > b", "", "Invalid KeyConditionExpression: The expression can not be empty;")]
    [InlineData("attribute_type(a, :a)", "", "", "Invalid FilterExpression: The expression can not be empty;")]
    [InlineData("attribute_type(a, :a)", "a > b", "", "Invalid ProjectionExpression: The expression can not be empty;")]
    public async Task Query_Expressions_ParsedBeforeTheKeyConditionShapeIsChecked(string keyCondition, string filter, string projection, string expected)
    {
        // observed: dynalite suite query.js 'for empty KeyConditionExpression / FilterExpression / ProjectionExpression':
        // attribute_type is no key-condition operator, but the empty filter and projection are reported first.
        var message = await ValidationMessageAsync("Query", """
            {"TableName":"abc","KeyConditionExpression":"%keyCondition%","FilterExpression":"%filter%","ProjectionExpression":"%projection%","ExpressionAttributeValues":{":a":{"S":"N"}}}
            """.Replace("%keyCondition%", keyCondition).Replace("%filter%", filter).Replace("%projection%", projection));
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task Scan_FilterParsedBeforeProjection()
    {
        // observed: dynalite suite scan.js 'for empty FilterExpression'.
        var message = await ValidationMessageAsync("Scan", """{"TableName":"abc","FilterExpression":"","ProjectionExpression":"","ExpressionAttributeValues":{":0":{"S":"b"}}}""");
        Assert.Equal("Invalid FilterExpression: The expression can not be empty;", message);
    }

    [Theory]
    [InlineData("""{}""", null, "The provided starting key is invalid")]
    [InlineData("""{"pk":{"N":"1"},"sk":{"S":"a"}}""", null, "The provided key element does not match the schema")]
    [InlineData("""{"pk":{"S":"a"},"sk":{"N":"1"}}""", null, "Query condition missed key schema element: pk")]
    [InlineData("""{"pk":{"S":"a"},"sk":{"N":"1"}}""", "pk = :p", "The provided key element does not match the schema")]
    [InlineData("""{"pk":{"S":"a"},"x":{"S":"a"}}""", "pk = :p", "The provided starting key is invalid")]
    public async Task Query_StartKey_HashCheckedBeforeTheKeyConditionAndTheRestAfter(string startKey, string? keyCondition, string expected)
    {
        // observed: dynalite suite query.js 'if ExclusiveStartKey is invalid', 'does not match hash schema',
        // 'if hash in ExclusiveStartKey but not in query', 'hash in ExclusiveStartKey and KeyConditions but range has incorrect schema'.
        var table = await RangeTableAsync();
        var condition = keyCondition ?? "sk between :a and :b";
        var values = keyCondition is null ? """{":a":{"S":"1"},":b":{"S":"2"}}""" : """{":p":{"S":"b"}}""";
        var message = await ValidationMessageAsync("Query", """
            {"TableName":"%table%","ExclusiveStartKey":%startKey%,"KeyConditionExpression":"%condition%","ExpressionAttributeValues":%values%}
            """.Replace("%table%", table).Replace("%startKey%", startKey).Replace("%condition%", condition).Replace("%values%", values));
        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("pk = :b AND sk > :b", "The provided starting key does not match the range key predicate")]
    [InlineData("pk = :b AND sk < :b", "The query can return at most one row and cannot be restarted")]
    [InlineData("pk = :b", "The provided starting key is outside query boundaries based on provided conditions")]
    public async Task Query_StartKeyOutsideTheKeyCondition_ReportsWhichPartIsOutside(string keyCondition, string expected)
    {
        // observed: dynalite suite query.js 'ExclusiveStartKey with non-matching range key',
        // 'with matching range but non-matching hash key', 'with out-of-bounds hash key'.
        var table = await RangeTableAsync();
        var message = await ValidationMessageAsync("Query", """
            {"TableName":"%table%","ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"S":"a"}},"KeyConditionExpression":"%keyCondition%","ExpressionAttributeValues":{":b":{"S":"b"}}}
            """.Replace("%table%", table).Replace("%keyCondition%", keyCondition));
        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("""KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]},"x":{"ComparisonOperator":"NULL"}}""", "Query condition missed key schema element: sk")]
    [InlineData("""KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]},"sk":{"ComparisonOperator":"NULL"}}""", "Attempted conditional constraint is not an indexable operation")]
    [InlineData("""KeyConditions":{"pk":{"ComparisonOperator":"NE","AttributeValueList":[{"N":"1"}]}}""", "Attempted conditional constraint is not an indexable operation")]
    [InlineData("""KeyConditionExpression":":a > pk","ExpressionAttributeValues":{":a":{"N":"1"}}""", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    [InlineData("""KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}},"QueryFilter":{"sk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}}""", "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk")]
    public async Task Query_KeyConditionsAgainstTheSchema_ReportDynamoDbsMessages(string members, string expected)
    {
        // observed: dynalite suite query.js 'for missing range element', 'for unsupported comparison on range',
        // 'if querying with non-indexable operations', 'for mismatching param type', 'if range key in QueryFilter'.
        var table = await RangeTableAsync();
        Assert.Equal(expected, await ValidationMessageAsync("Query", """{"TableName":"%table%","%members%}""".Replace("%table%", table).Replace("%members%", members)));
    }

    [Theory]
    [InlineData("""{"pk":{"S":"a"}}""", null, "The provided starting key is invalid: The provided key element does not match the schema")]
    [InlineData("""{"pk":{"S":"a"},"sk":{"N":"1"}}""", null, "The provided starting key is invalid: The provided key element does not match the schema")]
    [InlineData("""{"pk":{"S":"a"},"sk":{"S":"a"},"g":{"N":"1"}}""", "byG", "The provided key element does not match the schema")]
    [InlineData("""{"pk":{"S":"a"},"sk":{"S":"a"},"x":{"S":"1"}}""", "byG", "The provided starting key is invalid")]
    [InlineData("""{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"1"}}""", "byG", "The provided starting key is invalid: The provided key element does not match the schema")]
    public async Task Scan_StartKey_TableKeyFaultsCarryThePrefix(string startKey, string? index, string expected)
    {
        // observed: dynalite suite scan.js 'if ExclusiveStartKey does not match schema', 'ExclusiveStartKey is invalid for global index',
        // 'does not match schema for global index', 'global hash in ExclusiveStartKey but bad in query'.
        var table = await RangeTableAsync();
        var indexMember = index is null ? string.Empty : $",\"IndexName\":\"{index}\"";
        Assert.Equal(expected, await ValidationMessageAsync("Scan", """{"TableName":"%table%","ExclusiveStartKey":%startKey%%indexMember%}""".Replace("%table%", table).Replace("%startKey%", startKey).Replace("%indexMember%", indexMember)));
    }

    [Fact]
    public async Task Scan_SelectAllOnKeysOnlyGlobalIndex_ReportedBeforeTheTableKeyOfTheStartKey()
    {
        // observed: dynalite suite scan.js 'for specifying ALL_ATTRIBUTES when global index does not have ALL'.
        var table = await RangeTableAsync();
        var message = await ValidationMessageAsync("Scan", """
            {"TableName":"%table%","IndexName":"byG","Select":"ALL_ATTRIBUTES","ExclusiveStartKey":{"x":{"N":"1"},"y":{"N":"1"},"g":{"S":"a"}}}
            """.Replace("%table%", table));
        Assert.Equal("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL", message);
    }

    [Fact]
    public async Task Scan_StartKeyOfAnotherSegment_IsAnInvalidStartingKey()
    {
        // observed: dynalite suite scan.js 'if ExclusiveStartKey is from different segment'.
        var table = await RangeTableAsync();
        var client = _fixture.Client;
        for (var i = 0; i < 10; i++)
        {
            await client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ["sk"] = new("s") });
        }

        var second = await client.ScanAsync(new ScanRequest { TableName = table, Segment = 1, TotalSegments = 2 });
        var key = second.Items[0]["pk"].S;
        var message = await ValidationMessageAsync("Scan", """
            {"TableName":"%table%","Segment":0,"TotalSegments":2,"ExclusiveStartKey":{"pk":{"S":"%key%"},"sk":{"S":"s"}}}
            """.Replace("%table%", table).Replace("%key%", key));
        Assert.Equal("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 0", message);
    }

    [Theory]
    [InlineData("Scan", "attribute_exists(#k.b)", "Key: pk")]
    [InlineData("Query", "attribute_exists(g.c) AND x = :p", "IndexKey: g")]
    public async Task NestedAccessToAKeyAttribute_InAFilter_IsRejected(string operation, string filter, string key)
    {
        // observed: dynalite suite scan.js 'for non-scalar key access', query.js 'for non-scalar index access in FilterExpression'.
        var table = await RangeTableAsync();
        var keyCondition = operation == "Query" ? "\"KeyConditionExpression\":\"pk = :p\"," : string.Empty;
        var names = filter.Contains("#k", StringComparison.Ordinal) ? "\"ExpressionAttributeNames\":{\"#k\":\"pk\"}," : string.Empty;
        var values = operation == "Query" ? ",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}}" : string.Empty;
        var message = await ValidationMessageAsync(operation, """{"TableName":"%table%",%keyCondition%%names%"FilterExpression":"%filter%"%values%}""".Replace("%table%", table).Replace("%keyCondition%", keyCondition).Replace("%names%", names).Replace("%filter%", filter).Replace("%values%", values));
        Assert.Equal("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: " + key, message);
    }

    [Fact]
    public async Task Scan_NestedAccessToAnIndexKeyInTheProjection_IsRejected()
    {
        // The projection follows the same rule (observed: dynalite suite getItem.js 'non-scalar index access in ProjectionExpression').
        var table = await RangeTableAsync();
        var message = await ValidationMessageAsync("Scan", """{"TableName":"%table%","ProjectionExpression":"g[0]"}""".Replace("%table%", table));
        Assert.Equal("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g", message);
    }

    private async Task<string> RangeTableAsync()
    {
        var name = Infrastructure.Tables.UniqueName("qv");
        await _fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S), new AttributeDefinition("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "byG",
                    KeySchema = [new KeySchemaElement("g", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        });
        return name;
    }

    private async Task<string> ValidationMessageAsync(string operation, string body)
    {
        var response = await RawHttp.SendAsync(
            _fixture.Emulator.Endpoint, HttpMethod.Post, body: body, contentType: "application/x-amz-json-1.0",
            headers: RawHttp.Signed("DynamoDB_20120810." + operation));
        var root = response.Json;
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("com.amazon.coral.validate#ValidationException", root.GetProperty("__type").GetString());
        return root.GetProperty("message").GetString()!;
    }
}
