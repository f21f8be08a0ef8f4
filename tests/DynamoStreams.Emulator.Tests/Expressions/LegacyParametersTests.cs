using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Tests.Model;

namespace DynamoStreams.Emulator.Tests.Expressions;

public class LegacyParametersTests
{
    private static readonly Dictionary<string, AttributeValue> s_item = ExpressionTestData.Item(ExpressionTestData.SampleItem);

    // Legacy condition semantics: API reference "Condition" / "ExpectedAttributeValue" (ComparisonOperator list).
    [Theory]
    [InlineData("""{"n":{"Value":{"N":"7"}}}""", null, true)]
    [InlineData("""{"n":{"Value":{"N":"8"}}}""", null, false)]
    [InlineData("""{"n":{"Exists":true,"Value":{"N":"7"}}}""", null, true)]
    [InlineData("""{"gone":{"Exists":false}}""", null, true)]
    [InlineData("""{"n":{"Exists":false}}""", null, false)]
    [InlineData("""{"n":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"5"}]}}""", null, true)]
    [InlineData("""{"n":{"ComparisonOperator":"GT","Value":{"N":"5"}}}""", null, true)]
    [InlineData("""{"n":{"ComparisonOperator":"NOT_NULL"}}""", null, true)]
    [InlineData("""{"n":{"ComparisonOperator":"NULL"}}""", null, false)]
    [InlineData("""{"n":{"ComparisonOperator":"EQ","Value":{"N":"1"}},"s":{"ComparisonOperator":"BEGINS_WITH","Value":{"S":"abc"}}}""", "OR", true)]
    [InlineData("""{"n":{"ComparisonOperator":"EQ","Value":{"N":"1"}},"s":{"ComparisonOperator":"BEGINS_WITH","Value":{"S":"abc"}}}""", "AND", false)]
    public void ConvertExpected_Conditions_EvaluateAsDynamoDb(string expected, string? conditionalOperator, bool result)
    {
        using var document = JsonDocument.Parse(expected);
        Assert.Equal(result, LegacyParameters.ConvertExpected(document.RootElement, conditionalOperator).Evaluate(s_item));
    }

    [Theory]
    [InlineData("""{"ss":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"S":"x"}]}}""", true)]
    [InlineData("""{"ss":{"ComparisonOperator":"NOT_CONTAINS","AttributeValueList":[{"S":"x"}]}}""", false)]
    [InlineData("""{"gone":{"ComparisonOperator":"NOT_CONTAINS","AttributeValueList":[{"S":"x"}]}}""", true)]
    [InlineData("""{"n":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"1"},{"N":"7"}]}}""", true)]
    [InlineData("""{"n":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"7"}]}}""", true)]
    [InlineData("""{"n":{"ComparisonOperator":"NE","AttributeValueList":[{"S":"7"}]}}""", true)]
    [InlineData("""{"s":{"ComparisonOperator":"LT","AttributeValueList":[{"S":"b"}]}}""", true)]
    public void ConvertFilter_Conditions_EvaluateAsDynamoDb(string filter, bool result)
    {
        using var document = JsonDocument.Parse(filter);
        Assert.Equal(result, LegacyParameters.ConvertFilter(document.RootElement, null).Evaluate(s_item));
    }

    // Messages: dynalite deleteItem/updateItem validation tests (copied from the real service).
    [Theory]
    [InlineData("""{"a":{"ComparisonOperator":"LT"}}""", "One or more parameter values were invalid: Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a")]
    [InlineData("""{"a":{"Exists":true,"ComparisonOperator":"LT"}}""", "One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a")]
    [InlineData("""{"a":{"AttributeValueList":[]}}""", "One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: a")]
    [InlineData("""{"a":{"Value":{"S":"a"},"AttributeValueList":[]}}""", "One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: a")]
    [InlineData("""{"a":{"Value":{"S":"a"},"ComparisonOperator":"BETWEEN"}}""", "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator")]
    [InlineData("""{"a":{"Value":{"S":"a"},"ComparisonOperator":"NULL"}}""", "One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator")]
    [InlineData("""{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"S":"b"},{"N":"1"}]}}""", "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type")]
    [InlineData("""{"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"S":"b"},{"S":"a"}]}}""", "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")]
    [InlineData("""{"a":{"ComparisonOperator":"LT","AttributeValueList":[{"BOOL":true}]}}""", "One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type")]
    [InlineData("""{"a":{}}""", "One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a")]
    [InlineData("""{"a":{"Exists":true}}""", "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a")]
    [InlineData("""{"a":{"Exists":false,"Value":{"S":"a"}}}""", "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a")]
    public void ConvertExpected_Invalid_ThrowsDynamoMessage(string expected, string message)
    {
        using var document = JsonDocument.Parse(expected);
        var error = Assert.Throws<DynamoValidationException>(() => LegacyParameters.ConvertExpected(document.RootElement, null));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p1"}]},"sk":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"3"}]}}""", null)]
    [InlineData("""{"sk":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}}""", "Query condition missed key schema element: pk")]
    [InlineData("""{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p1"}]},"sk":{"ComparisonOperator":"NE","AttributeValueList":[{"N":"1"}]}}""", "Attempted conditional constraint is not an indexable operation")]
    public void ConvertKeyConditions_Schema_ValidatesAsDynamoDb(string keyConditions, string? message)
    {
        using var document = JsonDocument.Parse(keyConditions);
        var pk = new KeySchemaAttribute("pk", AttributeValueType.S);
        var sk = new KeySchemaAttribute("sk", AttributeValueType.N);
        if (message is null)
        {
            var condition = LegacyParameters.ConvertKeyConditions(document.RootElement, pk, sk);
            Assert.Equal(KeyConditionOperator.Between, condition.SortOperator);
            Assert.True(condition.MatchesSortKey(AttributeValue.FromNumber("2")));
            return;
        }

        var error = Assert.Throws<DynamoValidationException>(() => LegacyParameters.ConvertKeyConditions(document.RootElement, pk, sk));
        Assert.Equal(message, error.Message);
    }

    // AttributeUpdates semantics and messages: API reference AttributeValueUpdate; dynalite updateItem tests.
    [Theory]
    [InlineData("""{"n":{"Value":{"N":"1"}}}""", "n", """{"N":"1"}""")]
    [InlineData("""{"n":{"Action":"ADD","Value":{"N":"1"}}}""", "n", """{"N":"8"}""")]
    [InlineData("""{"l":{"Action":"ADD","Value":{"L":[{"S":"w"}]}}}""", "l", """{"L":[{"S":"z"},{"N":"5"},{"M":{"q":{"S":"deep"}}},{"S":"w"}]}""")]
    [InlineData("""{"ss":{"Action":"ADD","Value":{"SS":["w"]}}}""", "ss", """{"SS":["x","y","z","w"]}""")]
    [InlineData("""{"ss":{"Action":"DELETE","Value":{"SS":["x"]}}}""", "ss", """{"SS":["y","z"]}""")]
    [InlineData("""{"s":{"Action":"DELETE"}}""", "s", null)]
    public void ConvertAttributeUpdates_Actions_ApplyAsDynamoDb(string updates, string attribute, string? expected)
    {
        using var document = JsonDocument.Parse(updates);
        var item = LegacyParameters.ConvertAttributeUpdates(document.RootElement).Apply(s_item).Item;
        Assert.Equal(expected, item.TryGetValue(attribute, out var value) ? JsonHelper.Write(value) : null);
    }

    [Theory]
    [InlineData("""{"a":{"Action":"PUT"}}""", "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified")]
    [InlineData("""{"a":{"Action":"DELETE","Value":{"S":"1"}}}""", "One or more parameter values were invalid: DELETE action with value is not supported for the type S")]
    [InlineData("""{"a":{"Action":"ADD","Value":{"B":"Yg=="}}}""", "One or more parameter values were invalid: ADD action is not supported for the type B")]
    [InlineData("""{"a":{"Action":"ADD","Value":{"M":{}}}}""", "One or more parameter values were invalid: ADD action is not supported for the type M")]
    public void ConvertAttributeUpdates_Invalid_ThrowsDynamoMessage(string updates, string message)
    {
        using var document = JsonDocument.Parse(updates);
        var error = Assert.Throws<DynamoValidationException>(() => LegacyParameters.ConvertAttributeUpdates(document.RootElement));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""{"ss":{"Action":"DELETE","Value":{"NS":["1"]}}}""")]
    [InlineData("""{"n":{"Action":"DELETE","Value":{"NS":["1"]}}}""")]
    [InlineData("""{"ss":{"Action":"ADD","Value":{"NS":["1"]}}}""")]
    [InlineData("""{"ns":{"Action":"ADD","Value":{"N":"1"}}}""")]
    public void ConvertAttributeUpdates_TypeMismatchAtRuntime_ThrowsLegacyMessage(string updates)
    {
        using var document = JsonDocument.Parse(updates);
        var update = LegacyParameters.ConvertAttributeUpdates(document.RootElement);
        var error = Assert.Throws<DynamoValidationException>(() => update.Apply(s_item));
        Assert.Equal("Type mismatch for attribute to update", error.Message);
    }

    [Fact]
    public void ConvertAttributesToGet_Names_ProjectTopLevel()
    {
        using var document = JsonDocument.Parse("""["n","s","gone"]""");
        var projection = LegacyParameters.ConvertAttributesToGet(document.RootElement);
        Assert.Equal("""{"n":{"N":"7"},"s":{"S":"abcdef"}}""", JsonHelper.Write(projection.Apply(s_item)));
    }

    // Mixing rules: dynalite validateExpressionParams (copied from the real service).
    [Theory]
    [InlineData("UpdateExpression,AttributeUpdates", "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}")]
    [InlineData("ConditionExpression,UpdateExpression,Expected,AttributeUpdates", "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}")]
    [InlineData("AttributeUpdates,ExpressionAttributeNames", "ExpressionAttributeNames can only be specified when using expressions")]
    [InlineData("ExpressionAttributeValues", "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null")]
    [InlineData("UpdateExpression,ExpressionAttributeValues", null)]
    public void Validate_UpdateItemMix_AppliesDynamoDbRules(string present, string? message)
    {
        var set = present.Split(',').ToHashSet();
        void Act() => ExpressionParameterRules.Validate(["UpdateExpression", "ConditionExpression"], ["AttributeUpdates", "Expected"], set, static (s, name) => s.Contains(name));
        if (message is null)
        {
            Act();
            return;
        }

        var error = Assert.Throws<DynamoValidationException>(Act);
        Assert.Equal(message, error.Message);
    }

    // Query: KeyConditions may accompany FilterExpression; only KeyConditionExpression excludes it (observed: dynalite
    // suite query.js "if all expressions and non-expression without KeyConditionExpression").
    [Theory]
    [InlineData("KeyConditions,FilterExpression", null)]
    [InlineData("KeyConditions,KeyConditionExpression", "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}")]
    [InlineData("KeyConditions,ProjectionExpression,ExpressionAttributeValues", "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null")]
    public void Validate_QueryMix_LetsKeyConditionsJoinAFilterExpression(string present, string? message)
    {
        var set = present.Split(',').ToHashSet();
        void Act() => ExpressionParameterRules.Validate(
            ["ProjectionExpression", "FilterExpression", "KeyConditionExpression"], ["AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"], set, static (s, name) => s.Contains(name));
        if (message is null)
        {
            Act();
            return;
        }

        var error = Assert.Throws<DynamoValidationException>(Act);
        Assert.Equal(message, error.Message);
    }
}
