using DynamoStreams.Emulator.DynamoDb.Expressions;

namespace DynamoStreams.Emulator.Tests.Expressions;

public class ConditionEvaluationTests
{
    private static readonly Dictionary<string, DynamoStreams.Emulator.DynamoDb.Model.AttributeValue> s_item = ExpressionTestData.Item(ExpressionTestData.SampleItem);

    // Semantics: DynamoDB developer guide "Comparison operator and function reference" (spec E.3) and dynalite's
    // evaluator (real service): comparisons across types are false, never errors.
    [Theory]
    [InlineData("n = :n", false)]
    [InlineData("n > :n", true)]
    [InlineData("n >= :n2", false)]
    [InlineData("n <> :n", true)]
    [InlineData("n = :s", false)]
    [InlineData("n < :s", false)]
    [InlineData("n > :s", false)]
    [InlineData("s > :s", true)]
    [InlineData("s < :s2", true)]
    [InlineData("gone = :n", false)]
    [InlineData("gone <> :n", true)]
    [InlineData("gone < :n", false)]
    [InlineData("n BETWEEN :n AND :n2", true)]
    [InlineData("n BETWEEN :zero AND :one", false)]
    [InlineData("s BETWEEN :n AND :n2", false)]
    [InlineData("n IN (:one, :n2)", false)]
    [InlineData("s IN (:one, :s, :n)", false)]
    [InlineData("#s IN (:one, :s)", false)]
    [InlineData("ss = :ss", false)]
    [InlineData("t = :t", true)]
    [InlineData("nul = :null", true)]
    [InlineData("m.k = :x", false)]
    [InlineData("l[0] = :x", false)]
    [InlineData("l[1] = :n", true)]
    [InlineData("l[2].q = :s", false)]
    [InlineData("l[7] = :n", false)]
    [InlineData("m.nested.x = :one", true)]
    [InlineData("#dot = :s", false)]
    [InlineData("m.#dot = :s", false)]
    [InlineData("attribute_exists(n)", true)]
    [InlineData("attribute_exists(m.nested.x)", true)]
    [InlineData("attribute_exists(m.nested.y)", false)]
    [InlineData("attribute_not_exists(gone)", true)]
    [InlineData("attribute_not_exists(id)", false)]
    [InlineData("attribute_type(n, :typeN)", true)]
    [InlineData("attribute_type(n, :typeS)", false)]
    [InlineData("attribute_type(m, :typeM)", true)]
    [InlineData("begins_with(s, :s)", true)]
    [InlineData("begins_with(s, :s2)", false)]
    [InlineData("begins_with(b, :b)", true)]
    [InlineData("begins_with(n, :s)", false)]
    [InlineData("contains(s, :s2)", true)]
    [InlineData("contains(ss, :x)", true)]
    [InlineData("contains(ss, :s)", false)]
    [InlineData("contains(ns, :one)", true)]
    [InlineData("contains(ns, :x)", false)]
    [InlineData("contains(l, :n)", true)]
    [InlineData("contains(l, :one)", false)]
    [InlineData("contains(bs, :b)", true)]
    [InlineData("contains(n, :n)", false)]
    [InlineData("size(s) = :one", false)]
    [InlineData("size(ss) > :one", true)]
    [InlineData("size(l) BETWEEN :one AND :n", true)]
    [InlineData("size(m) > :one", true)]
    [InlineData("size(b) < :n", true)]
    [InlineData("size(n) = :one", false)]
    [InlineData("size(gone) >= :zero", false)]
    [InlineData("NOT n = :n", true)]
    [InlineData("n = :n OR s > :s", true)]
    [InlineData("n > :n AND s < :s", false)]
    [InlineData("n = :n OR n > :n AND s < :s", false)]
    [InlineData("(n = :n OR n > :n) AND s > :s", true)]
    [InlineData("NOT (n = :n OR n > :n)", false)]
    [InlineData("NOT attribute_exists(gone) AND n > :n", true)]
    [InlineData("(n) > (:n)", true)]
    [InlineData("n>:n", true)]
    [InlineData("  n   >\t:n\n", true)]
    [InlineData("n > :n and s > :s or n = :zero", true)]

    // A parenthesized operand before a comparison (observed: dynalite suite scan.js "should calculate size function correctly").
    [InlineData("(size(l)) > :one", true)]
    [InlineData("((size(l)) = :one) OR n = :zero", false)]
    public void Evaluate_SampleItem_MatchesDynamoDbSemantics(string expression, bool expected)
    {
        var context = ExpressionTestData.Context();
        var condition = ConditionExpression.Parse(expression, ExpressionKind.Condition, context);
        Assert.Equal(expected, condition.Evaluate(s_item));
    }

    // size() of a string counts UTF-16 code units (observed: dynalite suite scan.js "should calculate size function
    // correctly", where size("abÿ") is 3; a surrogate pair counts two).
    [Theory]
    [InlineData("abÿ")]
    [InlineData("é𝄞")]
    public void Evaluate_SizeOfString_CountsUtf16CodeUnits(string text)
    {
        var condition = ConditionExpression.Parse("size(u) = :three", ExpressionKind.Filter, ExpressionTestData.Context(null, """{":three":{"N":"3"}}"""));
        var item = new Dictionary<string, DynamoStreams.Emulator.DynamoDb.Model.AttributeValue> { ["u"] = DynamoStreams.Emulator.DynamoDb.Model.AttributeValue.FromString(text) };
        Assert.True(condition.Evaluate(item));
    }

    // spec E.4 #5: attribute_not_exists(id) on an existing item fails; on a gone item it holds.
    [Fact]
    public void Evaluate_MissingItem_TreatsAsEmpty()
    {
        var condition = ConditionExpression.Parse("attribute_not_exists(id)", ExpressionKind.Condition, ExpressionContext.Empty);
        Assert.True(condition.Evaluate(null));
        Assert.False(condition.Evaluate(s_item));
    }

    [Fact]
    public void ReferencedAttributes_Filter_ListsTopLevelNames()
    {
        var condition = ConditionExpression.Parse("m.k = :x AND size(l) > :one OR attribute_exists(#s)", ExpressionKind.Filter, ExpressionTestData.Context());
        Assert.Equal(["l", "m", "status"], condition.ReferencedAttributes().Order().ToArray());
    }
}
