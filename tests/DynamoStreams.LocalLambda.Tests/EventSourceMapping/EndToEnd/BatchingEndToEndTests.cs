using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// Batching, concurrency and the payload (spec B.2, B.3) end to end: AWS SDK writes to the in-process emulator, its
/// real stream, the engine, the Runtime API host and real handler processes (Node, and the typed .NET handler).
/// </summary>
public sealed class BatchingEndToEndTests(EsmFixture fixture) : IClassFixture<EsmFixture>
{
    [Fact]
    public async Task BatchSize100_250Records_ThreeBatchesInOrderNeverTwoInFlight()
    {
        // spec B.8 #3: batches 100, 100, 50 in order; never two in flight per shard at PF 1 (the function has two
        // processes, so an overlap would be possible and is detected by the handler)
        var (table, arn) = await fixture.CreateTableAsync("batch250");
        var function = await fixture.RegisterHandlerAsync("batch250", concurrency: 2, environment: new Dictionary<string, string> { ["ESM_DELAY_MS"] = "50" });
        for (var n = 1; n <= 250; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 250, "250 records delivered");

        Assert.Equal("[1-100] [101-200] [201-250]", function.Ranges());
        Assert.Equal(Enumerable.Range(1, 250), function.Invocations().SelectMany(i => i.Records).Select(r => r.N));
        Assert.DoesNotContain(function.Invocations(), i => i.Overlapped);
        Assert.Equal(100, mapping.GetStatus().Configuration.BatchSize);
    }

    [Fact]
    public async Task ParallelizationFactor2_InterleavedKeys_OrderKeptPerKeyLanesOverlap()
    {
        // spec B.8 #17: PF 2, keys interleaved A1 B1 A2 B2 ... → per-key order kept; different keys may overlap
        var (table, arn) = await fixture.CreateTableAsync("pf2");
        var barrier = Directory.CreateTempSubdirectory("esm-barrier-").FullName;
        var function = await fixture.RegisterHandlerAsync("pf2", concurrency: 2, environment: new Dictionary<string, string> { ["ESM_BARRIER_DIR"] = barrier });
        var keys = new[] { "A", "B", "C", "D", "E", "F" };
        var n = 0;
        for (var round = 0; round < 4; round++)
        {
            foreach (var key in keys)
            {
                await fixture.PutAsync(table, key, ++n);
            }
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.ParallelizationFactor = 2;
            o.BatchSize = 1;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 24, "24 records delivered");

        var invocations = function.Invocations();
        foreach (var group in invocations.SelectMany(i => i.Records).GroupBy(r => r.Key))
        {
            var numbers = group.Select(r => r.N).ToList();
            Assert.Equal(numbers.Order(), numbers);
            Assert.Equal(4, numbers.Count);
        }

        // Two lanes each keep one batch in flight: the first invocation waits for a second one, which can only come
        // from the other lane while the first is still running (a PF 1 mapping would log no overlap here).
        Assert.Contains(invocations, i => i.Overlapped);
        Assert.Equal(24, invocations.Count);
    }

    [Fact]
    public async Task Payload_TypedDotNetHandler_BindsDynamoDBEventWithStreamArnOnEveryRecord()
    {
        // spec B.8 #19, B.3: every record carries eventSourceARN and binds to .NET DynamoDBEvent in a real .NET handler
        var (table, arn) = await fixture.CreateTableAsync("typed");
        var function = await fixture.RegisterDotNetHandlerAsync("typed");
        await fixture.PutAsync(table, "a", 1);
        await fixture.PutAsync(table, "a", 2);
        await fixture.Dynamo.DeleteItemAsync(table, new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["pk"] = new() { S = "a" } });

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 3, "three records delivered to the .NET handler");

        var records = Assert.Single(function.Invocations()).Records;
        Assert.Equal([1, 2, 2], records.Select(r => r.N));
        Assert.All(records, r => Assert.Equal(arn, r.Arn));
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(r => r.EventName));
        Assert.All(records, r => Assert.InRange(r.Created!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task PartialBatchResponse_TypedDotNetHandler_RetriesFromReportedRecord()
    {
        // spec B.8 #10 with the .NET StreamsEventResponse: the typed response is read as AWS reads it
        var (table, arn) = await fixture.CreateTableAsync("typed-rbif");
        var function = await fixture.RegisterDotNetHandlerAsync("typed-rbif");
        for (var n = 1; n <= 5; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 3 ? "fail" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.FunctionResponseTypes = ["ReportBatchItemFailures"];
            o.MaximumRetryAttempts = 1;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDropped == 3, "records 3-5 dropped after one retry");

        Assert.Equal("[1-5] [3-5]", function.Ranges());
        Assert.Equal(2, mapping.GetStatus().Metrics.RecordsDelivered);
    }
}
