using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// Time rules end to end (batching window, record age, tumbling windows: spec B.2, B.3, B.5): the emulator stamps
/// records and the engine measures age and windows on one injected clock, moved by the test; handlers are real Node
/// processes behind the Runtime API host.
/// </summary>
public sealed class ClockEndToEndTests(ClockedEsmFixture fixture) : IClassFixture<ClockedEsmFixture>
{
    [Fact]
    public async Task BatchingWindow5Seconds_ThreeWrites_OneInvocationWhenWindowElapses()
    {
        // spec B.8 #4: BatchSize 500, window 5 s, three writes at t=0 → one three-record invocation at t≈5 s
        var (table, arn) = await fixture.CreateTableAsync("window5");
        var function = await fixture.RegisterHandlerAsync("window5");
        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BatchSize = 500;
            o.MaximumBatchingWindowInSeconds = 5;
        }));
        await mapping.StartAsync();
        var written = fixture.Time.GetUtcNow();
        for (var n = 1; n <= 3; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n);
        }

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsRead == 3, "the three records read");
        var elapsed = TimeSpan.Zero;
        while (function.Invocations().Count == 0)
        {
            Assert.True(elapsed < TimeSpan.FromSeconds(60), "no invocation a minute after the writes");
            fixture.Time.Advance(TimeSpan.FromMilliseconds(500));
            elapsed = fixture.Time.GetUtcNow() - written;
            await Task.Delay(20);
        }

        Assert.True(elapsed >= TimeSpan.FromSeconds(5), $"invoked {elapsed} after the writes, before the 5 s window ended");
        Assert.Equal("[1-3]", Assert.Single(function.Invocations()).Range);
    }

    [Fact]
    public async Task RecordAge60_PoisonRecordRetriedUntilOld_ThenRecordAgeExceededAndShardResumes()
    {
        // spec B.8 #8: bisect off, retries -1, age 60 s → retried until 60 s old, then RecordAgeExceeded; B.5 #2
        var (table, arn) = await fixture.CreateTableAsync("age");
        var function = await fixture.RegisterHandlerAsync("age");
        var dlq = await fixture.Emulator.Queues.CreateQueueAsync("us-east-1", fixture.NewName("dlq"));
        await fixture.PutAsync(table, "a", 1, "throw");
        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.MaximumRecordAgeInSeconds = 60;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = dlq } };
        }));
        await mapping.StartAsync();
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.FunctionErrors >= 3, "the poison record retried");
        Assert.Empty(await fixture.Emulator.Queues.ReceiveMessagesAsync(dlq, 10, TimeSpan.Zero));

        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        string? body = null;
        await Eventually.WaitAsync(
            () => (body = fixture.Emulator.Queues.ReceiveMessagesAsync(dlq, 10, TimeSpan.Zero).GetAwaiter().GetResult().SingleOrDefault()?.Body) is not null,
            "the RecordAgeExceeded message");
        await fixture.PutAsync(table, "a", 2);
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 1, "record 2 after the discard");

        using var document = JsonDocument.Parse(body!);
        var root = document.RootElement;
        Assert.Equal("RecordAgeExceeded", root.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(1, root.GetProperty("DDBStreamBatchInfo").GetProperty("batchSize").GetInt32());
        Assert.Equal(function.Invocations()[0].Records[0].Seq, root.GetProperty("DDBStreamBatchInfo").GetProperty("startSequenceNumber").GetString());
        Assert.Equal("[2]", function.Invocations()[^1].Range);
        Assert.Equal(0, mapping.GetStatus().Metrics.RecordsDropped);
    }

    [Fact]
    public async Task TumblingWindow60_StatePassedOnRetriedWithoutStateFinalAtWindowEnd()
    {
        // spec B.8 #18, B.3: {} first, then the returned state; a response without state is retried; the final
        // invocation (isFinalInvokeForWindow) comes when the window's end passes
        var (table, arn) = await fixture.CreateTableAsync("tumbling");
        var function = await fixture.RegisterHandlerAsync("tumbling");
        await fixture.PutAsync(table, "a", 1);
        await fixture.PutAsync(table, "a", 2);
        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o => o.TumblingWindowInSeconds = 60));
        await mapping.StartAsync();
        await Eventually.WaitAsync(() => Windows(function).Count >= 1 && mapping.GetStatus().Metrics.RecordsDelivered == 2, "the first window invocation");

        await fixture.PutAsync(table, "a", 3, "no-state");
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 3, "the second window invocation");
        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        await Eventually.WaitAsync(() => Windows(function).Any(w => w.Final), "the final invocation");

        var windows = Windows(function);
        Assert.Equal(
            ["{} final=False", """{"count":"2"} final=False""", """{"count":"2"} final=False""", """{"count":"3"} final=True"""],
            windows.Select(w => $"{w.State} final={w.Final}"));
        Assert.Equal(1, mapping.GetStatus().Metrics.FunctionErrors);
        Assert.Empty(function.Invocations()[^1].Records);
    }

    private static List<(string State, bool Final)> Windows(RealHandler.HandlerLog function) =>
        [.. File.Exists(function.RecordFile)
            ? File.ReadAllLines(function.RecordFile).Where(l => l.EndsWith('}')).Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                var window = document.RootElement.GetProperty("window");
                return (window.GetProperty("state").GetRawText(), window.GetProperty("final").GetBoolean());
            })
            : []];
}
