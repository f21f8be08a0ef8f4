using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>
/// Response handling (spec B.4) with a scripted function. Kept for the exact response bodies a handler would rarely
/// produce (failures listed out of order, unknown ids, keys in the wrong case, null bodies); B.8 #10-#12 run end to end
/// in <c>EndToEnd/</c>.
/// </summary>
public sealed class EngineResponseTests
{
    private static string Failures(Invocation invocation, params int[] numbers) =>
        "{\"batchItemFailures\":[" + string.Join(",", numbers.Select(n => $"{{\"itemIdentifier\":\"{invocation.Sequences[invocation.Numbers.ToList().IndexOf(n)]}\"}}")) + "]}";

    [Fact]
    public async Task ReportBatchItemFailures_SevenAndFour_RetriesFromFour()
    {
        // spec B.8 #10
        await using var h = EngineHarness.Create(o =>
        {
            o.BatchSize = 10;
            o.FunctionResponseTypes = ["ReportBatchItemFailures"];
        });
        var calls = 0;
        h.Function.Handler = i => ++calls == 1 ? ScriptedInvoker.Json(Failures(i, 7, 4)) : ScriptedInvoker.Json("{\"batchItemFailures\":[]}");
        h.Append(1, 10);
        await h.StartAsync();

        await h.WaitForInvocationsAsync(2);
        await h.WaitForCheckpointAsync(h.Invocations[0].Sequences[^1]);

        Assert.Equal("[1-10] [4-10]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        Assert.Equal([4, 5, 6, 7, 8, 9, 10], h.Invocations[1].Numbers);
    }

    [Theory]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemId\":\"1\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"999999999999999999999999\"}]}")]
    public async Task ReportBatchItemFailures_MalformedEntry_WholeBatchRetried(string body)
    {
        // spec B.8 #11, B.4 row 4
        await using var h = EngineHarness.Create(o =>
        {
            o.BatchSize = 10;
            o.FunctionResponseTypes = ["ReportBatchItemFailures"];
        });
        var calls = 0;
        h.Function.Handler = _ => ++calls == 1 ? ScriptedInvoker.Json(body) : ScriptedInvoker.Json("{}");
        h.Append(1, 10);
        await h.StartAsync();

        await h.WaitForInvocationsAsync(2);

        Assert.Equal("[1-10] [1-10]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        Assert.Equal(1, h.Status.Metrics.Retries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"batchItemFailures\":null}")]
    [InlineData("\"done\"")]
    public async Task ReportBatchItemFailures_EmptyOrNullResponse_Success(string body)
    {
        // spec B.4 row 2
        await using var h = EngineHarness.Create(o => o.FunctionResponseTypes = ["ReportBatchItemFailures"]);
        h.Function.Handler = _ => ScriptedInvoker.Json(body);
        h.Append(1, 3);
        await h.StartAsync();

        await h.WaitForInvocationsAsync(1);
        await h.WaitForCheckpointAsync(h.Invocations[0].Sequences[^1]);

        Assert.Single(h.Invocations);
    }
}
