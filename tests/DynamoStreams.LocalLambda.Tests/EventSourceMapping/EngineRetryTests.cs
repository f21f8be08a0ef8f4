using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>The retry / bisect / age algorithm (spec B.5) and OnFailure documents (B.6), against a scripted function.</summary>
public sealed class EngineRetryTests
{
    private static void WithDlq(EventSourceMappingOptions o) =>
        o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = EngineHarness.DlqArn } };

    [Fact]
    public async Task Bisect_PoisonRecordSeven_IsolatesItAndReportsOneRange()
    {
        // spec B.8 #6
        await using var h = EngineHarness.Create(o =>
        {
            o.BatchSize = 10;
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
            WithDlq(o);
        });
        h.Function.Handler = i => i.Numbers.Contains(7) ? ScriptedInvoker.Error() : ScriptedInvoker.Json("{}");
        h.Append(1, 10);
        await h.StartAsync();

        await h.WaitForInvocationsAsync(9);
        await h.WaitForCheckpointAsync(h.Invocations[^1].Sequences[^1]);

        Assert.Equal("[1-10] [1-5] [6-10] [6-8] [6-7] [6] [7] [8] [9-10]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        Assert.Equal(
            [false, true, false, false, false, true, false, true, true],
            h.Invocations.Select(i => i.Outcome == FunctionInvocationOutcome.Success && !i.Numbers.Contains(7)).ToArray());
        var (arn, body) = Assert.Single(h.Dlq.Sent);
        Assert.Equal(EngineHarness.DlqArn, arn);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal("RetryAttemptsExhausted", root.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(1, root.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:order-handler", root.GetProperty("requestContext").GetProperty("functionArn").GetString());
        Assert.Equal("Unhandled", root.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.Equal(200, root.GetProperty("responseContext").GetProperty("statusCode").GetInt32());
        Assert.Equal("$LATEST", root.GetProperty("responseContext").GetProperty("executedVersion").GetString());
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        var info = root.GetProperty("DDBStreamBatchInfo");
        var seven = h.Invocations.Single(i => i.Range == "[7]").Sequences[0];
        Assert.Equal(1, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(seven, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(seven, info.GetProperty("endSequenceNumber").GetString());
        Assert.Equal(h.Source.FirstShardId, info.GetProperty("shardId").GetString());
        Assert.Equal(MemoryStreamSource.Arn, info.GetProperty("streamArn").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", info.GetProperty("approximateArrivalOfFirstRecord").GetString());
        Assert.Equal(1, h.Status.Metrics.RecordsSentToDestination);
        Assert.Equal(4, h.Status.Metrics.Bisects);
    }

    [Fact]
    public async Task NoBisect_RetriesTwo_ThreeInvocationsThenOneTenRecordMessage()
    {
        // spec B.8 #7
        await using var h = EngineHarness.Create(o =>
        {
            o.BatchSize = 10;
            o.MaximumRetryAttempts = 2;
            WithDlq(o);
        });
        h.Function.Handler = i => i.Numbers.Contains(7) ? ScriptedInvoker.Error() : ScriptedInvoker.Json("{}");
        h.Append(1, 10);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(3);
        h.Append(11, 11);

        await h.WaitForInvocationsAsync(4);

        Assert.Equal("[1-10] [1-10] [1-10] [11]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        using var document = JsonDocument.Parse(Assert.Single(h.Dlq.Sent).Document);
        var info = document.RootElement.GetProperty("DDBStreamBatchInfo");
        Assert.Equal(10, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(h.Invocations[0].Sequences[0], info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(h.Invocations[0].Sequences[^1], info.GetProperty("endSequenceNumber").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal(2, h.Status.Metrics.Retries);
    }

    [Fact]
    public async Task RecordAge_PoisonRetriedUntilSixtySecondsOld_ThenRecordAgeExceeded()
    {
        // spec B.8 #8, B.5 #2
        await using var h = EngineHarness.Create(o =>
        {
            o.MaximumRecordAgeInSeconds = 60;
            WithDlq(o);
        });
        h.Function.Handler = i => i.Numbers.Contains(1) ? ScriptedInvoker.Error() : ScriptedInvoker.Json("{}");
        h.Append(1, 1);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(3);
        Assert.Empty(h.Dlq.Sent);

        h.Time.Advance(TimeSpan.FromSeconds(61));
        await Eventually.WaitAsync(() => h.Dlq.Sent.Count == 1, "the RecordAgeExceeded message");
        h.Append(2, 2);
        await Eventually.WaitAsync(() => h.Invocations.Any(i => i.Range == "[2]"), "record 2 after the discard");

        using var document = JsonDocument.Parse(h.Dlq.Sent[0].Document);
        Assert.Equal("RecordAgeExceeded", document.RootElement.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.True(document.RootElement.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32() >= 3);
    }

    [Fact]
    public async Task RetriesExhausted_NoDestination_DropsSilentlyAndResumes()
    {
        // spec B.8 #9
        await using var h = EngineHarness.Create(o => o.MaximumRetryAttempts = 1);
        h.Function.Handler = i => i.Numbers.Contains(1) ? ScriptedInvoker.Error() : ScriptedInvoker.Json("{}");
        h.Append(1, 1);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(2);
        h.Append(2, 2);

        await h.WaitForInvocationsAsync(3);

        Assert.Equal("[1] [1] [2]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        Assert.Empty(h.Dlq.Sent);
        Assert.Equal(1, h.Status.Metrics.RecordsDropped);
    }

    [Fact]
    public async Task Throttles_NotCountedAsRetries_BatchDelivered()
    {
        // spec B.8 #13, B.4 throttle row
        await using var h = EngineHarness.Create(o => o.MaximumRetryAttempts = 0);
        var throttles = 0;
        h.Function.Handler = _ => ++throttles <= 5 ? FunctionInvocationResult.Throttled("Rate exceeded") : ScriptedInvoker.Json("{}");
        h.Append(1, 3);
        await h.StartAsync();

        await h.WaitForInvocationsAsync(6);

        Assert.Equal(FunctionInvocationOutcome.Success, h.Invocations[5].Outcome);
        Assert.Equal("[1-3]", h.Invocations[5].Range);
        Assert.Equal(5, h.Status.Metrics.Throttles);
        Assert.Equal(0, h.Status.Metrics.Retries);
        Assert.Empty(h.Dlq.Sent);
    }

    [Fact]
    public async Task Timeout_IsAFunctionError_HalvedWithBisect()
    {
        // spec B.8 #14
        await using var h = EngineHarness.Create(o =>
        {
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
        });
        h.Function.Handler = i => i.Numbers.Contains(2)
            ? FunctionInvocationResult.FunctionError("Sandbox.Timedout", "Task timed out after 3.00 seconds")
            : ScriptedInvoker.Json("{}");
        h.Append(1, 4);
        await h.StartAsync();

        await h.WaitForInvocationsAsync(5);
        await h.WaitForCheckpointAsync(h.Invocations[4].Sequences[^1]);

        Assert.Equal("[1-4] [1-2] [1] [2] [3-4]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        Assert.Equal(h.Status.Metrics.FunctionErrors, h.Invocations.Count(i => i.Outcome == FunctionInvocationOutcome.FunctionError));
    }

    [Fact]
    public async Task Redrive_DiscardedRange_DeliveredAgainFromTheStream()
    {
        // issue 6: redrive of a DLQ message re-reads its sequence range; spec B.6 "consumers re-read by sequence number"
        await using var h = EngineHarness.Create(o =>
        {
            o.BatchSize = 10;
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
            WithDlq(o);
        });
        var poisoned = true;
        h.Function.Handler = i => poisoned && i.Numbers.Contains(7) ? ScriptedInvoker.Error() : ScriptedInvoker.Json("{}");
        h.Append(1, 10);
        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Dlq.Sent.Count == 1, "the DLQ message");
        var before = h.Invocations.Count;
        poisoned = false;

        var result = await h.Mapping.RedriveAsync(h.Dlq.Sent[0].Document);

        Assert.Equal(new(1, 1, 0), result);
        Assert.Equal("[7]", h.Invocations[before].Range);
        Assert.Equal(FunctionInvocationOutcome.Success, h.Invocations[before].Outcome);
    }

    [Fact]
    public async Task Redrive_DocumentOfAnotherStream_Throws()
    {
        // issue 6: redrive names what is wrong
        await using var h = EngineHarness.Create();
        var document = """
            {"requestContext":{"requestId":"r","functionArn":"arn:aws:lambda:us-east-1:000000000000:function:f","condition":"RetryAttemptsExhausted","approximateInvokeCount":1},
             "version":"1.0","timestamp":"2026-11-25T00:00:00.000Z",
             "DDBStreamBatchInfo":{"shardId":"s","startSequenceNumber":"1","endSequenceNumber":"1","approximateArrivalOfFirstRecord":"2026-11-25T00:00:00Z","approximateArrivalOfLastRecord":"2026-11-25T00:00:00Z","batchSize":1,"streamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Other/stream/x"}}
            """;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.Mapping.RedriveAsync(document));

        Assert.Contains("table/Other", ex.Message);
        await Assert.ThrowsAsync<FormatException>(() => h.Mapping.RedriveAsync("{\"hello\":1}"));
    }
}
