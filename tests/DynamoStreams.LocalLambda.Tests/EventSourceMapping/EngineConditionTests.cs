using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>
/// The mapping's processing condition in words (issue 16, a finer LastProcessingResult): read by the function while it
/// is invoked, so each attempt sees what the previous one left, with no timing involved.
/// </summary>
public sealed class EngineConditionTests
{
    [Fact]
    public async Task Condition_FailingRecordThenGoodRecord_RetryingThenDiscardingThenHealthy()
    {
        // issue 16: "Retrying: function error (3rd attempt)", "Discarding to DLQ", back to normal on success
        var seen = new List<string>();
        EngineHarness? harness = null;
        await using var h = harness = EngineHarness.Create(o =>
        {
            o.MaximumRetryAttempts = 2;
            o.BisectBatchOnFunctionError = false;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = EngineHarness.DlqArn } };
        });
        h.Function.Handler = invocation =>
        {
            lock (seen)
            {
                seen.Add(harness.Status.Condition.Description);
            }

            return invocation.Numbers[0] == 1 ? ScriptedInvoker.Error() : FunctionInvocationResult.Success(ReadOnlyMemory<byte>.Empty);
        };
        h.Append(1, 1);

        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Dlq.Sent.Count == 1, "the failure document in the DLQ");

        Assert.Equal(["No records processed", "Retrying: function error (2nd attempt)", "Retrying: function error (3rd attempt)"], seen);
        var discarding = h.Status.Condition;
        Assert.Equal(ProcessingConditionKind.Discarding, discarding.Kind);
        Assert.Equal("Discarding to DLQ: retry attempts exhausted (1 record)", discarding.Description);
        Assert.Equal("System.Exception: poison record", discarding.Error);
        Assert.True(discarding.IsProblem);

        h.Append(2, 2);
        await Eventually.WaitAsync(() => h.Status.Metrics.RecordsDelivered == 1, "record 2 delivered");

        Assert.Equal(ProcessingCondition.Healthy, h.Status.Condition);
        Assert.False(h.Status.Condition.IsProblem);
    }

    [Fact]
    public async Task Condition_FailingBatchWithBisect_BisectingWhileTheHalvesRun()
    {
        // issue 16: the bisect is visible while the halves are invoked
        var seen = new List<string>();
        EngineHarness? harness = null;
        await using var h = harness = EngineHarness.Create(o =>
        {
            o.MaximumRetryAttempts = 0;
            o.BisectBatchOnFunctionError = true;
        });
        h.Function.Handler = _ =>
        {
            lock (seen)
            {
                seen.Add(harness.Status.Condition.Description);
            }

            return ScriptedInvoker.Error();
        };
        h.Append(1, 2);

        await h.StartAsync();
        await h.WaitForInvocationsAsync(3);
        await Eventually.WaitAsync(() => h.Status.Metrics.RecordsDropped == 2, "both records dropped");

        Assert.Equal("Bisecting: function error (batch of 2 split in two)", seen[1]);
        Assert.Equal("Dropping, no DLQ: retry attempts exhausted (1 record)", h.Status.Condition.Description);
    }
}
