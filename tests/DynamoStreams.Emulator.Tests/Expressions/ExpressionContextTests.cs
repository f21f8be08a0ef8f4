using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Expressions;

public class ExpressionContextTests
{
    // spec E.4 #8 and E.2: unused placeholders are reported after every expression of the request is parsed.
    [Fact]
    public void ValidateAllUsed_UnusedValue_ReportsIt()
    {
        var context = ExpressionTestData.Context(null, """{":v":{"S":"a"},":w":{"S":"b"}}""");
        UpdateExpression.Parse("SET a = :v", context);
        var error = Assert.Throws<DynamoValidationException>(context.ValidateAllUsed);
        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}", error.Message);
    }

    [Fact]
    public void ValidateAllUsed_UnusedNames_ReportsNamesBeforeValues()
    {
        var context = ExpressionTestData.Context("""{"#a":"a","#b":"b"}""", """{":v":{"S":"a"},":w":{"S":"b"}}""");
        UpdateExpression.Parse("remove a", context);
        var error = Assert.Throws<DynamoValidationException>(context.ValidateAllUsed);
        Assert.Equal("Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}", error.Message);
    }

    [Fact]
    public void ValidateAllUsed_PlaceholdersSpreadOverExpressions_Passes()
    {
        var context = ExpressionTestData.Context("""{"#a":"a","#b":"b"}""", """{":v":{"S":"a"},":w":{"S":"b"}}""");
        UpdateExpression.Parse("SET #a = :v", context);
        ConditionExpression.Parse("#b <> :w", ExpressionKind.Condition, context);
        context.ValidateAllUsed();
    }

    // dynalite validations (copied from the real service).
    [Theory]
    [InlineData("{}", null, "ExpressionAttributeNames must not be empty")]
    [InlineData("""{"a":"a"}""", null, "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"")]
    [InlineData("""{"#a-b":"a"}""", null, "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"")]
    [InlineData(null, "{}", "ExpressionAttributeValues must not be empty")]
    [InlineData(null, """{"b":{"S":"a"}}""", "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"")]
    [InlineData(null, """{":b":{"SS":[]}}""", "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :b")]
    [InlineData(null, """{":b":{"N":"x"}}""", "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: x for key :b")]
    [InlineData(null, """{":b":{"S":"a","N":"1"}}""", "ExpressionAttributeValues contains invalid value: Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes for key :b")]
    [InlineData(null, """{":b":{"a":""},"b":{"S":"a"}}""", "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"")]
    public void Constructor_InvalidMaps_ThrowDynamoMessage(string? names, string? values, string message)
    {
        var error = Assert.Throws<DynamoValidationException>(() => ExpressionTestData.Context(names, values));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ReadAttributeValues_WrongJsonShape_ThrowsSerializationException()
    {
        using var document = JsonDocument.Parse("[]");
        Assert.Throws<DynamoSerializationException>(() => ExpressionContext.ReadAttributeValues(document.RootElement));
    }
}
