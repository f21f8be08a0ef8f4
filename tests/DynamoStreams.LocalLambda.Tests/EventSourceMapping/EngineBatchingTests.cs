using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>
/// Batching and lanes (spec B.2) with the in-memory stream double and a scripted function. Kept where the double adds
/// what the real path cannot give cheaply: 2,500 records read in pages within one window, 100 KB records against the
/// 6 MB cap, and one lane held failing while the others run. B.8 #3, #4, #15-#17, #19 run end to end in
/// <c>EndToEnd/</c>.
/// </summary>
public sealed class EngineBatchingTests
{
    [Fact]
    public async Task BatchSize2500_BacklogReadInSeveralPages_OneInvocation()
    {
        // spec B.2: BatchSize above one GetRecords page (1,000) gathers several reads
        await using var h = EngineHarness.Create(o =>
        {
            o.BatchSize = 2500;
            o.MaximumBatchingWindowInSeconds = 1;
        });
        h.Append(1, 2500);
        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Status.Metrics.RecordsRead == 2500, "the three pages read");

        while (h.Invocations.Count == 0)
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(20);
        }

        Assert.Equal("[1-2500]", h.Invocations[0].Range);
    }

    [Fact]
    public async Task LargeRecords_PayloadCappedAtSixMegabytes()
    {
        // spec B.2: invoke when the payload reaches 6 MB
        await using var h = EngineHarness.Create();
        for (var n = 1; n <= 100; n++)
        {
            h.Source.Append("A", n, padding: 100_000);
        }

        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Invocations.Sum(i => i.Numbers.Count) == 100, "all 100 records");

        Assert.True(h.Invocations.Count >= 2);
        Assert.All(h.Invocations, i => Assert.True(System.Text.Encoding.UTF8.GetByteCount(i.Payload) <= 6 * 1024 * 1024));
        Assert.Equal(Enumerable.Range(1, 100), h.Invocations.SelectMany(i => i.Numbers));
    }

    [Fact]
    public async Task ParallelizationFactor_OneLaneStalled_OtherKeysFlowCheckpointStaysAtLowestUnfinished()
    {
        // spec B.2: PF>1 lanes; shard checkpoint = lowest unfinished position [emu]
        await using var h = EngineHarness.Create(o =>
        {
            o.ParallelizationFactor = 4;
            o.BatchSize = 1;
        });
        var poisoned = true;
        var first = h.Source.Append("P", 1);
        h.Function.Handler = i => poisoned && i.Numbers.Contains(1) ? ScriptedInvoker.Error() : ScriptedInvoker.Json("{}");
        var others = new[] { "Q", "R", "S", "T", "U", "V", "W" };
        for (var n = 0; n < others.Length; n++)
        {
            h.Source.Append(others[n], n + 2);
        }

        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Invocations.Count(i => i.Outcome == FunctionInvocationOutcome.Success) >= 3, "records of other lanes while key P is stalled");

        Assert.Null(h.Status.Shards.Single().Checkpoint);
        poisoned = false;
        var last = h.Source.Append("P", 99);
        await h.WaitForCheckpointAsync(last.SequenceNumber);
        Assert.Contains(h.Invocations, i => i.Numbers.Contains(1) && i.Outcome == FunctionInvocationOutcome.Success);
        Assert.NotEqual(first.SequenceNumber, h.Status.Shards.Single().Checkpoint);
    }

    [Fact]
    public async Task ParallelizationFactor2_OneLaneHoldsAPartialBatch_LanesFlushWhileReadingPauses()
    {
        // spec B.2: PF > 1 with a backlog larger than the read-ahead. Key A (lane 0) has one record, key B (lane 1) the
        // rest: B's completions pile up behind A's record, reading pauses until the checkpoint moves, so A's lane must
        // send its one-record batch instead of waiting for more (it waited forever before)
        await using var h = EngineHarness.Create(o =>
        {
            o.ParallelizationFactor = 2;
            o.BatchSize = 100;
        });
        h.Source.Append("A", 1);
        for (var n = 2; n <= 5_000; n++)
        {
            h.Source.Append("B", n);
        }

        await h.StartAsync();

        await Eventually.WaitAsync(() => h.Status.Metrics.RecordsDelivered == 5_000, "all 5,000 records", timeoutSeconds: 60);
        Assert.Equal(Enumerable.Range(2, 4_999), h.Invocations.SelectMany(i => i.Numbers).Where(n => n != 1));
    }
}
