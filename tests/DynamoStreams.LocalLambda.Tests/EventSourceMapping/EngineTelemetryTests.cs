using System.Diagnostics;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>
/// Trace links with the in-memory stream double: two writers' contexts set exactly on records of one batch. One writer
/// through the emulator, the counters and the meter run end to end in <c>EndToEnd/ObservabilityEndToEndTests</c>.
/// </summary>
public sealed class EngineTelemetryTests
{
    [Fact]
    public async Task Invocation_RecordsFromTwoWriters_ActivityLinksBothAndPassesItsContext()
    {
        // issue 6: an activity per invocation linked to the writers' trace contexts
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == EventSourceMappingTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) { stopped.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var h = EngineHarness.Create(o => o.Uuid = Guid.NewGuid().ToString());
        var writerA = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var writerB = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        h.Source.Append("A", 1, writer: writerA);
        h.Source.Append("B", 2, writer: writerB);

        await h.StartAsync();
        await h.WaitForInvocationsAsync(1);
        await Eventually.WaitAsync(() => { lock (stopped) { return stopped.Any(a => (string?)a.GetTagItem("aws.lambda.event_source_mapping.uuid") == h.Status.Configuration.Uuid); } }, "the invocation activity");

        Activity activity;
        lock (stopped)
        {
            activity = stopped.Single(a => (string?)a.GetTagItem("aws.lambda.event_source_mapping.uuid") == h.Status.Configuration.Uuid);
        }

        Assert.Equal("order-handler process", activity.DisplayName);
        Assert.Equal(2, activity.Links.Count());
        Assert.Contains(activity.Links, l => l.Context == writerA);
        Assert.Contains(activity.Links, l => l.Context == writerB);
        Assert.Equal(2, activity.GetTagItem("messaging.batch.message_count"));
    }
}
