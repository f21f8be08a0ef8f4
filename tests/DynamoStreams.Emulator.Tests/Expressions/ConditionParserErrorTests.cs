using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Expressions;

public class ConditionParserErrorTests
{
    // Syntax errors: spec E.2 ("Invalid <Kind>Expression: Syntax error; ..."); token/near format from real-service
    // messages quoted in aws-cdk#7591 ("hits : incr") and floci#1512 ("a-b").
    [Theory]
    [InlineData("a-b", "Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"")]
    [InlineData("whatever", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"whatever\"")]
    [InlineData("a = ", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"")]
    [InlineData("a = :n AND", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"")]
    [InlineData("a == :n", "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :n\"")]
    [InlineData("a = :n :n", "Invalid ConditionExpression: Syntax error; token: \":n\", near: \":n :n\"")]
    [InlineData("(a = :n", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":n\"")]
    [InlineData("a BETWEEN :n", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":n\"")]
    [InlineData("a IN :n", "Invalid ConditionExpression: Syntax error; token: \":n\", near: \"IN :n\"")]
    [InlineData("a[x] = :n", "Invalid ConditionExpression: Syntax error; token: \"x\", near: \"[x]\"")]
    [InlineData("a.1 = :n", "Invalid ConditionExpression: Syntax error; token: \"1\", near: \".1 =\"")]
    [InlineData("a = # ", "Invalid ConditionExpression: Syntax error; token: \"#\", near: \"= #\"")]
    [InlineData("AND = :n", "Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"AND =\"")]
    [InlineData("a = :n;", "Invalid ConditionExpression: Syntax error; token: \";\", near: \":n;\"")]
    public void Parse_SyntaxError_ReportsTokenAndNear(string expression, string message)
    {
        var error = Assert.Throws<DynamoValidationException>(() =>
            ConditionExpression.Parse(expression, ExpressionKind.Condition, ExpressionTestData.Context()));
        Assert.Equal(message, error.Message);
    }

    // Semantic errors and their precedence: dynalite conditionParser (copied from the real service).
    [Theory]
    [InlineData("", "The expression can not be empty;")]
    [InlineData("((a = :n))", "The expression has redundant parentheses;")]
    [InlineData("((a)) = :n", "The expression has redundant parentheses;")]
    [InlineData("foo(a)", "Invalid function name; function: foo")]
    [InlineData("begins_with(a, :s) = :n", "The function is not allowed to be used this way in an expression; function: begins_with")]
    [InlineData("size(a)", "The function is not allowed to be used this way in an expression; function: size")]
    [InlineData("contains(attribute_exists(a), :s)", "The function is not allowed to be used this way in an expression; function: attribute_exists")]
    [InlineData("size = :n", "Attribute name is a reserved keyword; reserved keyword: size")]
    [InlineData("a.Absolute = :n", "Attribute name is a reserved keyword; reserved keyword: Absolute")]
    [InlineData("a = :undefined", "An expression attribute value used in expression is not defined; attribute value: :undefined")]
    [InlineData("#undefined = :n", "An expression attribute name used in the document path is not defined; attribute name: #undefined")]
    [InlineData("attribute_exists(a, b)", "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2")]
    [InlineData("begins_with(a)", "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1")]
    [InlineData("a = a", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]")]
    [InlineData("contains(a.b[1], a.b[1])", "The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a, b, [1]]")]
    [InlineData("attribute_exists(:n)", "Operator or function requires a document path; operator or function: attribute_exists")]
    [InlineData("begins_with(a, :n)", "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [InlineData("size(:n) > :one", "Incorrect operand type for operator or function; operator or function: size, operand type: N")]
    [InlineData("attribute_type(a, :n)", "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N")]
    [InlineData("attribute_type(a, :bad)", "Invalid attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")]
    [InlineData("a BETWEEN :n2 AND :n", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:5}")]
    [InlineData("a BETWEEN :n AND :s", "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:abc}")]

    // Undefined placeholders, operand counts, non-distinct operands and operand types: the first in the expression
    // wins (observed: dynalite suite scan.js "non-distinct expressions", "functions with incorrect operand type").
    [InlineData("a = a AND b = :undefined", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]")]
    [InlineData("b = :undefined AND a = a", "An expression attribute value used in expression is not defined; attribute value: :undefined")]
    [InlineData("attribute_type(a, size(a)) AND a = a", "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N")]
    [InlineData("begins_with(a, size(a))", "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [InlineData("size(size(a)) > :n", "Incorrect operand type for operator or function; operator or function: size, operand type: N")]

    // Redundant parentheses found before a syntax error win (observed: dynalite suite scan.js "redundant parentheses").
    [InlineData("(a)between(((b.c)).d)and(c)", "The expression has redundant parentheses;")]
    [InlineData("((a = :undefined))", "The expression has redundant parentheses;")]
    [InlineData("foo(a) AND size = :n", "Invalid function name; function: foo")]
    [InlineData("size = :undefined", "Attribute name is a reserved keyword; reserved keyword: size")]
    public void Parse_SemanticError_ReportsDynamoDbMessage(string expression, string reason)
    {
        var error = Assert.Throws<DynamoValidationException>(() =>
            ConditionExpression.Parse(expression, ExpressionKind.Filter, ExpressionTestData.Context()));
        Assert.Equal("Invalid FilterExpression: " + reason, error.Message);
    }

    // Limits: spec E.3 (expression <= 4 KB, IN <= 100 values, document path depth 32).
    [Fact]
    public void Parse_InWithHundredAndOneValues_IsRejected()
    {
        var list = string.Join(", ", Enumerable.Repeat(":n", 101));
        var error = Assert.Throws<DynamoValidationException>(() =>
            ConditionExpression.Parse($"a IN ({list})", ExpressionKind.Condition, ExpressionTestData.Context()));
        Assert.StartsWith("Invalid ConditionExpression: The IN operator is provided with too many operands", error.Message);
        ConditionExpression.Parse($"a IN ({string.Join(", ", Enumerable.Repeat(":n", 100))})", ExpressionKind.Condition, ExpressionTestData.Context());
    }

    [Fact]
    public void Parse_ExpressionOverFourKilobytes_IsRejected()
    {
        var text = "a = :n" + new string(' ', 4096);
        var error = Assert.Throws<DynamoValidationException>(() =>
            ConditionExpression.Parse(text, ExpressionKind.Condition, ExpressionTestData.Context()));
        Assert.StartsWith("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size", error.Message);
    }

    [Fact]
    public void Parse_PathDeeperThanThirtyTwo_IsRejected()
    {
        var deep = "a" + string.Concat(Enumerable.Repeat(".b", 32));
        var error = Assert.Throws<DynamoValidationException>(() =>
            ConditionExpression.Parse($"{deep} = :n", ExpressionKind.Condition, ExpressionTestData.Context()));
        Assert.StartsWith("Invalid ConditionExpression: The document path has too many nesting levels", error.Message);
        ConditionExpression.Parse("a" + string.Concat(Enumerable.Repeat(".b", 31)) + " = :n", ExpressionKind.Condition, ExpressionTestData.Context());
    }

    [Fact]
    public void ReservedWords_FullList_HasAllDocumentedWords()
    {
        Assert.Equal(573, ReservedWords.Count);
        Assert.True(ReservedWords.IsReserved("timestamp"));
        Assert.False(ReservedWords.IsReserved("id"));
    }
}
