using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// What a mapping reports (issue 6 observability): counters on the status and the meter, State and
/// LastProcessingResult as AWS words them, and invocation traces joined to the writer's, all through the emulator,
/// the Runtime API host and real Node handler processes. The clock is injected so the iterator age is exact.
/// </summary>
public sealed class ObservabilityEndToEndTests(ClockedEsmFixture fixture) : IClassFixture<ClockedEsmFixture>
{
    private const string WriterSourceName = "DynamoStreams.LocalLambda.Tests.Writer";

    private static readonly ActivitySource s_writer = new(WriterSourceName);

    [Fact]
    public async Task Counters_FilterBisectRetryAndDiscard_CountedOnStatusAndMeter()
    {
        // issue 6: records read, filtered, delivered, batches, errors, retries, bisects, DLQ'd, iterator age
        var (table, arn) = await fixture.CreateTableAsync("counters");
        var function = await fixture.RegisterHandlerAsync("counters");
        var dlq = await fixture.Emulator.Queues.CreateQueueAsync("us-east-1", fixture.NewName("dlq"));
        var uuid = Guid.NewGuid().ToString();
        var measured = new ConcurrentDictionary<string, double>();
        using var listener = ListenToMeter(uuid, measured);
        for (var n = 1; n <= 4; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 3 ? "throw" : null);
        }

        await fixture.PutAsync(table, "k1", 5);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.Uuid = uuid;
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 1;
            o.FilterCriteria = new FilterCriteria { Filters = [new Filter { Pattern = """{"eventName":["INSERT"]}""" }] };
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = dlq } };
        }));
        await mapping.StartAsync();
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 3, "records 1, 2 and 4 delivered");

        // [1-4]✗ → [1-2]✓ [3-4]✗ → [3]✗ [3]✗ (one retry, then the OnFailure message) → [4]✓
        Assert.Equal("[1-4] [1-2] [3-4] [3] [3] [4]", function.Ranges());
        var metrics = mapping.GetStatus().Metrics;
        Assert.Equal(
            new EventSourceMappingMetrics
            {
                RecordsRead = 5,
                RecordsFiltered = 1,
                RecordsDelivered = 3,
                Batches = 6,
                FunctionErrors = 4,
                Retries = 1,
                Bisects = 2,
                RecordsSentToDestination = 1,
                IteratorAge = metrics.IteratorAge,
            },
            metrics);
        Assert.InRange(metrics.IteratorAge, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
        await Eventually.WaitAsync(() => measured.GetValueOrDefault("dynamostreams.mapping.records.delivered") == 3, "the meter's delivered count");
        Assert.Equal(5, measured["dynamostreams.mapping.records.read"]);
        Assert.Equal(1, measured["dynamostreams.mapping.records.filtered"]);
        Assert.Equal(6, measured["dynamostreams.mapping.invocations"]);
        Assert.Equal(4, measured["dynamostreams.mapping.function_errors"]);
        Assert.Equal(1, measured["dynamostreams.mapping.retries"]);
        Assert.Equal(2, measured["dynamostreams.mapping.bisects"]);
        Assert.Equal(1, measured["dynamostreams.mapping.records.dead_lettered"]);
        Assert.InRange(measured["dynamostreams.mapping.iterator_age.max"], 10, 11);
    }

    [Fact]
    public async Task StateAndLastProcessingResult_ThroughALifecycle_WordedAsAws()
    {
        // spec B.8 #1 (defaults, State reaches Enabled); B.1 State and LastProcessingResult values
        var (table, arn) = await fixture.CreateTableAsync("states");
        var function = await fixture.RegisterHandlerAsync("states");
        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function));
        var created = mapping.GetStatus();
        Assert.Equal("Creating", created.State);
        Assert.Equal("No records processed", created.LastProcessingResult);
        Assert.Equal(
            (100, 0, 1, -1, -1, false, "TRIM_HORIZON"),
            (created.Configuration.BatchSize, created.Configuration.MaximumBatchingWindowInSeconds, created.Configuration.ParallelizationFactor,
             created.Configuration.MaximumRetryAttempts, created.Configuration.MaximumRecordAgeInSeconds, created.Configuration.BisectBatchOnFunctionError,
             created.Configuration.StartingPositionName));

        await mapping.StartAsync();
        Assert.Equal("Enabled", mapping.GetStatus().State);
        await fixture.PutAsync(table, "a", 1);
        await Eventually.WaitAsync(() => mapping.GetStatus().LastProcessingResult == "OK", "LastProcessingResult OK");

        await fixture.PutAsync(table, "a", 2, "throw");
        await Eventually.WaitAsync(() => mapping.GetStatus().LastProcessingResult == "PROBLEM: Function call failed", "LastProcessingResult PROBLEM");
        await mapping.SetEnabledAsync(false);
        var disabled = mapping.GetStatus();
        await mapping.SetEnabledAsync(true);
        var enabled = mapping.GetStatus();
        await mapping.StopAsync();

        Assert.Equal(("Disabled", "USER_INITIATED"), (disabled.State, disabled.StateTransitionReason));
        Assert.Equal(("Enabled", "USER_INITIATED"), (enabled.State, enabled.StateTransitionReason));
        Assert.Equal(EventSourceMappingState.Disabled, mapping.GetStatus().State);
    }

    [Fact]
    public async Task Invocation_WriterTraced_ActivityJoinsWriterTraceAndHandlerSeesIt()
    {
        // issue 6: an activity per invocation linked to the writer's trace context, writer → stream → handler
        var (table, arn) = await fixture.CreateTableAsync("trace");
        var function = await fixture.RegisterHandlerAsync("trace");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == EventSourceMappingTelemetry.ActivitySourceName || s.Name == WriterSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        ActivityContext writerContext;
        using (var write = s_writer.StartActivity("write order", ActivityKind.Client))
        {
            writerContext = write!.Context;
            await fixture.PutAsync(table, "a", 1);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function));
        await mapping.StartAsync();
        await Eventually.WaitAsync(() => stopped.Any(a => a.DisplayName == $"{function.Name} process"), "the invocation activity");

        var invocation = stopped.Single(a => a.DisplayName == $"{function.Name} process");
        var traceId = writerContext.TraceId.ToHexString();
        Assert.Equal(ActivityKind.Consumer, invocation.Kind);
        Assert.Equal(writerContext.TraceId, invocation.TraceId);

        // The write's context as it went over the wire (the HTTP client's span inside the writer's trace) is both the
        // link and the parent: one writer, so the invocation continues that trace.
        var link = Assert.Single(invocation.Links).Context;
        Assert.Equal(writerContext.TraceId, link.TraceId);
        Assert.Equal(link.SpanId, invocation.ParentSpanId);
        Assert.Equal(mapping.Uuid, invocation.GetTagItem("aws.lambda.event_source_mapping.uuid"));
        Assert.StartsWith($"Root=1-{traceId[..8]}-{traceId[8..]};", Assert.Single(function.Invocations()).TraceId);
    }

    private static MeterListener ListenToMeter(string uuid, ConcurrentDictionary<string, double> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == EventSourceMappingTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (IsMapping(tags, uuid))
            {
                measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (IsMapping(tags, uuid))
            {
                measured.AddOrUpdate(instrument.Name + ".max", value, (_, max) => Math.Max(max, value));
            }
        });
        listener.Start();
        return listener;
    }

    private static bool IsMapping(ReadOnlySpan<KeyValuePair<string, object?>> tags, string uuid)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "aws.lambda.event_source_mapping.uuid" && (string?)tag.Value == uuid)
            {
                return true;
            }
        }

        return false;
    }
}
