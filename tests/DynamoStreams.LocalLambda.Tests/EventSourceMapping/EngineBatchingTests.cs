using System.Text.Json;
using DynamoStreams.Lambda.DynamoDBEvents;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>Polling, batching and concurrency (spec B.2) and the payload (B.3), against a scripted function.</summary>
public sealed class EngineBatchingTests
{
    [Fact]
    public async Task Start_OnlyRequiredFields_EnabledAndDelivers()
    {
        // spec B.8 #1
        await using var h = EngineHarness.Create();
        Assert.Equal(EventSourceMappingState.Creating, h.Status.State);
        Assert.Equal(EventSourceMappingState.NoRecordsProcessed, h.Status.LastProcessingResult);
        h.Append(1, 1);

        await h.StartAsync();
        await h.WaitForInvocationsAsync(1);

        Assert.Equal(EventSourceMappingState.Enabled, h.Status.State);
        await Eventually.WaitAsync(() => h.Status.LastProcessingResult == EventSourceMappingState.Ok, "LastProcessingResult OK");
        Assert.Equal(100, h.Status.Configuration.BatchSize);
    }

    [Fact]
    public async Task BatchSize100_250Records_ThreeBatchesInOrderOneAtATime()
    {
        // spec B.8 #3
        await using var h = EngineHarness.Create();
        h.Function.Delay = TimeSpan.FromMilliseconds(20);
        h.Append(1, 250);

        await h.StartAsync();
        await h.WaitForInvocationsAsync(3);

        Assert.Equal("[1-100] [101-200] [201-250]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        Assert.Equal(Enumerable.Range(1, 250), h.Invocations.SelectMany(i => i.Numbers));
        Assert.Equal(1, h.Function.MaxConcurrent);
    }

    [Fact]
    public async Task BatchingWindow_ThreeWrites_OneInvocationWhenWindowElapses()
    {
        // spec B.8 #4
        await using var h = EngineHarness.Create(o =>
        {
            o.BatchSize = 500;
            o.MaximumBatchingWindowInSeconds = 5;
        });
        var start = h.Time.GetUtcNow();
        DateTimeOffset? invokedAt = null;
        h.Function.Handler = _ =>
        {
            invokedAt ??= h.Time.GetUtcNow();
            return ScriptedInvoker.Json("{}");
        };
        h.Append(1, 3);
        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Status.Metrics.RecordsRead == 3, "the three records read");

        while (h.Invocations.Count == 0)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal("[1-3]", Assert.Single(h.Invocations).Range);
        Assert.True(invokedAt - start >= TimeSpan.FromSeconds(5), $"invoked {invokedAt - start} after the writes");
    }

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
    public async Task ParallelizationFactor2_InterleavedKeys_OrderKeptPerKey()
    {
        // spec B.8 #17
        await using var h = EngineHarness.Create(o =>
        {
            o.ParallelizationFactor = 2;
            o.BatchSize = 1;
        });
        h.Function.Delay = TimeSpan.FromMilliseconds(10);
        var keys = new[] { "A", "B", "C", "D", "E", "F" };
        var n = 0;
        for (var round = 0; round < 5; round++)
        {
            foreach (var key in keys)
            {
                h.Source.Append(key, ++n);
            }
        }

        await h.StartAsync();
        await h.WaitForInvocationsAsync(30);

        var delivered = h.Invocations.SelectMany(i => i.Numbers).ToList();
        foreach (var (key, index) in keys.Select((k, i) => (k, i)))
        {
            var expected = Enumerable.Range(0, 5).Select(r => (r * keys.Length) + index + 1).ToList();
            Assert.Equal(expected, delivered.Where(expected.Contains).ToList());
        }

        Assert.True(h.Function.MaxConcurrent <= 2);
        var last = h.Source.Append("A", 31);
        await h.WaitForCheckpointAsync(last.SequenceNumber);
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
    public async Task Payload_EveryRecordCarriesStreamArn_AndBindsToDynamoDBEvent()
    {
        // spec B.8 #19, B.3
        await using var h = EngineHarness.Create();
        h.Append(1, 3);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(1);

        var payload = h.Invocations[0].Payload;
        using var document = JsonDocument.Parse(payload);
        Assert.All(document.RootElement.GetProperty("Records").EnumerateArray(),
            r => Assert.Equal(MemoryStreamSource.Arn, r.GetProperty("eventSourceARN").GetString()));
        var dynamoEvent = JsonSerializer.Deserialize(payload, DynamoDBEventJsonContext.Default.DynamoDBEvent)!;
        Assert.Equal(3, dynamoEvent.Records.Count);
        Assert.All(dynamoEvent.Records, r => Assert.Equal(MemoryStreamSource.Arn, r.EventSourceArn));
        Assert.Equal("1", dynamoEvent.Records[0].Dynamodb!.NewImage!["n"].N);
    }

    [Fact]
    public async Task Filter_InsertOnly_DeliversInsertAndCheckpointsPastAll()
    {
        // spec B.8 #15
        await using var h = EngineHarness.Create(o =>
        {
            o.FilterCriteria = new FilterCriteria { Filters = [new Filter { Pattern = """{"eventName":["INSERT"]}""" }] };
            o.DestinationConfig = new() { OnFailure = new() { Destination = EngineHarness.DlqArn } };
        });
        h.Source.Append("A", 1, "INSERT");
        h.Source.Append("A", 2, "MODIFY");
        var last = h.Source.Append("A", 3, "REMOVE");
        await h.StartAsync();

        await h.WaitForCheckpointAsync(last.SequenceNumber);

        Assert.Equal("[1]", Assert.Single(h.Invocations).Range);
        Assert.Equal(2, h.Status.Metrics.RecordsFiltered);
        Assert.Empty(h.Dlq.Sent);
    }

    [Fact]
    public async Task Filter_AllRecordsFiltered_NoInvocation()
    {
        // spec B.7: all records dropped ⇒ no invocation; B.8 #16 image filter
        await using var h = EngineHarness.Create(o => o.FilterCriteria = new FilterCriteria
        {
            Filters = [new Filter { Pattern = """{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}""" }],
        });
        h.Source.Append("A", 1, "INSERT", status: "inactive");
        h.Source.Append("A", 2, "REMOVE", status: "active");
        var last = h.Source.Append("A", 3, "MODIFY", status: "inactive");
        await h.StartAsync();

        await h.WaitForCheckpointAsync(last.SequenceNumber);
        h.Source.Append("A", 4, "INSERT", status: "active");
        await h.WaitForInvocationsAsync(1);

        Assert.Equal("[4]", Assert.Single(h.Invocations).Range);
    }
}
