using DynamoStreams.Emulator.DynamoDb.Expressions;

namespace DynamoStreams.Emulator.Tests.Expressions;

public class EvaluationAllocationTests
{
    // Filters run once per scanned item, so evaluation must not allocate (issue 3: "parse once per request,
    // evaluate without allocation-heavy work"). Allocation counts are deterministic, unlike timings.
    [Theory]
    [InlineData("n > :n AND s BETWEEN :s AND :s2")]
    [InlineData("m.nested.x = :one OR contains(ss, :x)")]
    [InlineData("attribute_exists(l[1]) AND NOT begins_with(s, :s2) AND n IN (:one, :n, :n2)")]
    [InlineData("#s <> :s AND attribute_type(n, :typeN)")]
    [InlineData("size(s) > :one AND size(l) BETWEEN :one AND :n")]
    public void Evaluate_AfterWarmUp_AllocatesNothing(string expression)
    {
        var item = ExpressionTestData.Item(ExpressionTestData.SampleItem);
        var condition = ConditionExpression.Parse(expression, ExpressionKind.Filter, ExpressionTestData.Context());
        for (var i = 0; i < 200; i++)
        {
            condition.Evaluate(item);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matches = 0;
        for (var i = 0; i < 1000; i++)
        {
            matches += condition.Evaluate(item) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(matches is 0 or 1000);
    }
}
