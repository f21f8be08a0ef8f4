using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Tests.Model;

namespace DynamoStreams.Emulator.Tests.Expressions;

public class ProjectionAndKeyConditionTests
{
    private static readonly KeySchemaAttribute s_pk = new("pk", AttributeValueType.S);
    private static readonly KeySchemaAttribute s_sk = new("sk", AttributeValueType.N);

    // Projection: DynamoDB developer guide "Projection expressions" (spec E.3): nested maps, list indexes, #names.
    [Theory]
    [InlineData("n", """{"n":{"N":"7"}}""")]
    [InlineData("n, s, gone", """{"n":{"N":"7"},"s":{"S":"abcdef"}}""")]
    [InlineData("m.k", """{"m":{"M":{"k":{"S":"v"}}}}""")]
    [InlineData("m.k, m.nested.x", """{"m":{"M":{"k":{"S":"v"},"nested":{"M":{"x":{"N":"1"}}}}}}""")]
    [InlineData("l[2].q, l[0]", """{"l":{"L":[{"S":"z"},{"M":{"q":{"S":"deep"}}}]}}""")]
    [InlineData("l[9]", "{}")]
    [InlineData("#dot, m.#dot", """{"a.b":{"S":"top-dotted"},"m":{"M":{"a.b":{"S":"dotted"}}}}""")]
    [InlineData("#s", """{"status":{"S":"on"}}""")]
    public void Apply_Projection_ReturnsSelectedPaths(string expression, string expected)
    {
        var projection = ProjectionExpression.Parse(expression, ExpressionTestData.Context());
        var item = ExpressionTestData.Item(ExpressionTestData.SampleItem);
        Assert.Equal(expected, JsonHelper.Write(projection.Apply(item)));
    }

    [Theory]
    [InlineData("a, a.b", "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")]
    [InlineData("a, a", "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")]
    [InlineData("a[0], a.b", "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]")]
    [InlineData("a,", "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"")]
    [InlineData("a b", "Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"")]
    [InlineData("timestamp", "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: timestamp")]
    [InlineData("#nope", "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope")]
    [InlineData("", "Invalid ProjectionExpression: The expression can not be empty;")]
    public void Parse_InvalidProjection_ThrowsDynamoMessage(string expression, string message)
    {
        var error = Assert.Throws<DynamoValidationException>(() => ProjectionExpression.Parse(expression, ExpressionTestData.Context()));
        Assert.Equal(message, error.Message);
    }

    // Key conditions: API reference Query KeyConditionExpression (spec E.3): pk = :v plus at most one sort-key test.
    [Theory]
    [InlineData("pk = :p", null, null)]
    [InlineData("pk = :p AND sk = :one", KeyConditionOperator.Equal, "1")]
    [InlineData("sk > :one AND pk = :p", KeyConditionOperator.Greater, "1")]
    [InlineData(":one < sk AND pk = :p", KeyConditionOperator.Greater, "1")]
    [InlineData("pk = :p AND sk BETWEEN :one AND :n", KeyConditionOperator.Between, "1")]
    [InlineData("#pk = :p AND #sk <= :n", KeyConditionOperator.LessOrEqual, "5")]
    [InlineData("(pk = :p) AND (sk >= :one)", KeyConditionOperator.GreaterOrEqual, "1")]
    public void Parse_KeyCondition_ExtractsPartitionAndSortTest(string expression, KeyConditionOperator? op, string? sortValue)
    {
        var condition = KeyCondition.Parse(expression, KeyContext(), s_pk, s_sk);
        Assert.Equal("pk", condition.PartitionKeyName);
        Assert.Equal("p1", condition.PartitionKeyValue.AsString());
        Assert.Equal(op, condition.SortOperator);
        Assert.Equal(sortValue, condition.SortValue?.AsNumber().ToString());
    }

    [Fact]
    public void Matches_BetweenAndBeginsWith_SelectTheRange()
    {
        var between = KeyCondition.Parse("pk = :p AND sk BETWEEN :one AND :n", KeyContext(), s_pk, s_sk);
        Assert.True(between.MatchesSortKey(AttributeValue.FromNumber("5")));
        Assert.False(between.MatchesSortKey(AttributeValue.FromNumber("5.5")));
        var begins = KeyCondition.Parse("pk = :p AND begins_with(label, :pre)", KeyContext(), s_pk, new KeySchemaAttribute("label", AttributeValueType.S));
        Assert.True(begins.Matches(JsonHelper.ReadItem("""{"pk":{"S":"p1"},"label":{"S":"prefix-1"}}""")));
        Assert.False(begins.Matches(JsonHelper.ReadItem("""{"pk":{"S":"p2"},"label":{"S":"prefix-1"}}""")));
    }

    // Messages: spec E.2 and dynalite's KeyConditionExpression checks (copied from the real service).
    [Theory]
    [InlineData("sk = :one", "Query condition missed key schema element: pk")]
    [InlineData("pk = :p AND extra = :one", "Query condition missed key schema element: sk")]
    // observed: dynalite suite query.js "incorrect number of KeyConditions"
    [InlineData("pk = :p AND sk = :one AND extra = :one", "Conditions can be of length 1 or 2 only")]
    [InlineData("pk > :p", "Query key condition not supported")]
    [InlineData("pk = :p OR sk = :one", "Invalid operator used in KeyConditionExpression: OR")]
    [InlineData("NOT pk = :p", "Invalid operator used in KeyConditionExpression: NOT")]
    [InlineData("pk IN (:p)", "Invalid operator used in KeyConditionExpression: IN")]
    [InlineData("pk <> :p", "Invalid operator used in KeyConditionExpression: <>")]
    [InlineData("pk = :p AND attribute_exists(sk)", "Invalid operator used in KeyConditionExpression: attribute_exists")]
    [InlineData("pk = :p AND contains(sk, :one)", "Invalid operator used in KeyConditionExpression: contains")]
    [InlineData("pk = :p AND size(sk) = :one", "KeyConditionExpressions cannot contain nested operations")]
    [InlineData("pk = :p AND sk.x = :one", "KeyConditionExpressions cannot have conditions on nested attributes")]
    [InlineData("pk = sk", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")]

    // Operands are checked left to right (observed: dynalite suite query.js "multiple attribute names", "nested attributes").
    [InlineData("pk = :p AND sk BETWEEN pk AND size(sk)", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")]
    [InlineData("sk.x > pk", "KeyConditionExpressions cannot have conditions on nested attributes")]
    [InlineData("pk > size(sk.x)", "KeyConditionExpressions cannot contain nested operations")]
    [InlineData("pk = :p AND pk = :p", "KeyConditionExpressions must only contain one condition per key")]
    [InlineData("pk = :one", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    [InlineData("pk = :p AND begins_with(sk, :one)", "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [InlineData("pk = :p AND sk BETWEEN :n AND :one", "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}")]
    [InlineData("pk = :p AND", "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"")]
    public void Parse_InvalidKeyCondition_ThrowsDynamoMessage(string expression, string message)
    {
        var error = Assert.Throws<DynamoValidationException>(() => KeyCondition.Parse(expression, KeyContext(), s_pk, s_sk));
        Assert.Equal(message, error.Message);
    }

    private static ExpressionContext KeyContext() => ExpressionTestData.Context(
        """{"#pk":"pk","#sk":"sk"}""",
        """{":p":{"S":"p1"},":one":{"N":"1"},":n":{"N":"5"},":pre":{"S":"prefix"}}""");
}
