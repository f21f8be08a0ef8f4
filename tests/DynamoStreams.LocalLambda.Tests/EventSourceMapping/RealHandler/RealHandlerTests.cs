using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.RealHandler;

/// <summary>
/// The engine invoking real Node handler processes through the Runtime API host (spec B.4, B.5, B.8), reading the
/// in-memory stream double; <c>EndToEnd/</c> repeats the key cases over the emulator's real stream and SQS.
/// </summary>
public sealed class RealHandlerTests(RuntimeHostFixture fixture) : IClassFixture<RuntimeHostFixture>
{
    private const string DlqArn = "arn:aws:sqs:us-east-1:000000000000:real-handler-dlq";

    private (EventSourceMappingEngine Engine, MemoryStreamSource Stream, RecordingDestination Dlq) CreateEngine(ICheckpointStore? checkpoints = null, MemoryStreamSource? stream = null)
    {
        stream ??= new MemoryStreamSource(TimeProvider.System);
        var dlq = new RecordingDestination();
        var engine = new EventSourceMappingEngine(
            stream,
            new RuntimeApiFunctionInvoker(fixture.Host),
            checkpoints ?? new InMemoryCheckpointStore(),
            dlq,
            new EventSourceMappingEngineOptions { RetryBackoff = _ => TimeSpan.Zero });
        return (engine, stream, dlq);
    }

    private static EventSourceMappingOptions Mapping(HandlerLog handler, Action<EventSourceMappingOptions>? configure = null)
    {
        var options = new EventSourceMappingOptions { EventSourceArn = MemoryStreamSource.Arn, FunctionName = handler.Name, StartingPosition = "TRIM_HORIZON" };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task Bisect_HandlerThrowsOnRecordSeven_IsolatesIt()
    {
        // spec B.8 #6 with a real handler process
        var handler = await fixture.RegisterHandlerAsync("bisect");
        var (engine, stream, dlq) = CreateEngine();
        await using var _ = engine;
        for (var n = 1; n <= 10; n++)
        {
            stream.Append($"k{n}", n, action: n == 7 ? "throw" : null);
        }

        var mapping = engine.CreateMapping(Mapping(handler, o =>
        {
            o.BatchSize = 10;
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = DlqArn } };
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => handler.Invocations().Count >= 9 && dlq.Sent.Count == 1, "nine invocations and the OnFailure document");

        Assert.Equal("[1-10] [1-5] [6-10] [6-8] [6-7] [6] [7] [8] [9-10]", handler.Ranges());
        using var document = JsonDocument.Parse(dlq.Sent[0].Document);
        Assert.Equal(handler.Invocations()[6].Records[0].Seq, document.RootElement.GetProperty("DDBStreamBatchInfo").GetProperty("startSequenceNumber").GetString());
        Assert.Equal("Unhandled", document.RootElement.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.All(handler.Invocations().SelectMany(i => i.Records), r => Assert.Equal(MemoryStreamSource.Arn, r.Arn));
    }

    [Fact]
    public async Task PartialBatchResponse_HandlerReportsFour_RetriesFromFour()
    {
        // spec B.8 #10 with a real handler process
        var handler = await fixture.RegisterHandlerAsync("rbif");
        var (engine, stream, _) = CreateEngine();
        await using var __ = engine;
        for (var n = 1; n <= 6; n++)
        {
            stream.Append($"k{n}", n, action: n == 4 ? "fail" : null);
        }

        var mapping = engine.CreateMapping(Mapping(handler, o =>
        {
            o.FunctionResponseTypes = ["ReportBatchItemFailures"];
            o.MaximumRetryAttempts = 1;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDropped == 3, "the retried tail dropped after one retry");

        Assert.Equal("[1-6] [4-6]", handler.Ranges());
    }

    [Fact]
    public async Task Timeout_HandlerRunsPastDeadline_FunctionErrorHalved()
    {
        // spec B.8 #14 with a real handler process (Sandbox.Timedout from the host)
        var handler = await fixture.RegisterHandlerAsync("timeout", timeoutSeconds: 1);
        var (engine, stream, _) = CreateEngine();
        await using var __ = engine;
        stream.Append("a", 1);
        stream.Append("b", 2, action: "sleep");

        var mapping = engine.CreateMapping(Mapping(handler, o =>
        {
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDropped == 1, "the timed-out record dropped");

        Assert.Equal("[1-2] [1] [2]", handler.Ranges());
        Assert.Equal(2, mapping.GetStatus().Metrics.FunctionErrors);
    }

    [Fact]
    public async Task HandlerProcessKilledMidBatch_BatchRetriedNothingLost()
    {
        // issue 6 crash test: the handler process exits mid-batch; the batch is retried in a new process
        var handler = await fixture.RegisterHandlerAsync("crash");
        var (engine, stream, _) = CreateEngine();
        await using var __ = engine;
        for (var n = 1; n <= 5; n++)
        {
            stream.Append("same-key", n, action: n == 3 ? "exit" : null);
        }

        var mapping = engine.CreateMapping(Mapping(handler));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => handler.Invocations().Count >= 2 && mapping.GetStatus().Metrics.RecordsDelivered == 5, "the retry after the crash");

        var invocations = handler.Invocations();
        Assert.Equal("[1-5] [1-5]", handler.Ranges());
        Assert.NotEqual(invocations[0].Pid, invocations[1].Pid);
        Assert.Equal(1, mapping.GetStatus().Metrics.FunctionErrors);
    }

    [Fact]
    public async Task EngineRestartedMidStream_EveryRecordDeliveredInKeyOrder()
    {
        // issue 6 crash test: restart the engine while records keep arriving; nothing lost, per-key order kept
        var handler = await fixture.RegisterHandlerAsync("restart");
        var checkpoints = new InMemoryCheckpointStore();
        var stream = new MemoryStreamSource(TimeProvider.System);
        var uuid = Guid.NewGuid().ToString();
        var (engine, _, _) = CreateEngine(checkpoints, stream);
        await engine.CreateMapping(Mapping(handler, o => { o.Uuid = uuid; o.BatchSize = 7; })).StartAsync();

        for (var n = 1; n <= 60; n++)
        {
            stream.Append($"key{n % 3}", n);
            if (n % 20 == 0)
            {
                await engine.DisposeAsync();
                (engine, _, _) = CreateEngine(checkpoints, stream);
                await engine.CreateMapping(Mapping(handler, o => { o.Uuid = uuid; o.BatchSize = 7; })).StartAsync();
            }
        }

        await Eventually.WaitAsync(() => handler.Invocations().SelectMany(i => i.Records).Select(r => r.N).Distinct().Count() == 60, "all 60 records");
        await engine.DisposeAsync();

        foreach (var group in handler.Invocations().SelectMany(i => i.Records).GroupBy(r => r.Key))
        {
            var firstDeliveries = group.Select(r => r.N).Distinct().ToList();
            Assert.Equal(firstDeliveries.Order(), firstDeliveries);
        }
    }

    [Fact]
    public async Task TumblingWindow_RealHandler_ReceivesStateItReturned()
    {
        // spec B.8 #18 with a real handler process
        var handler = await fixture.RegisterHandlerAsync("window");
        var (engine, stream, _) = CreateEngine();
        await using var __ = engine;
        stream.Append("a", 1);
        stream.Append("a", 2);
        var mapping = engine.CreateMapping(Mapping(handler, o => o.TumblingWindowInSeconds = 900));
        await mapping.StartAsync();
        await Eventually.WaitAsync(() => handler.Invocations().Count == 1, "the first window invocation");

        stream.Append("a", 3);

        await Eventually.WaitAsync(() => handler.Invocations().Count == 2, "the second window invocation");
        var lines = File.ReadAllLines(handler.RecordFile);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("2", second.RootElement.GetProperty("window").GetProperty("state").GetProperty("count").GetString());
        Assert.Null(mapping.GetStatus().Shards.Single().Checkpoint);
    }
}
