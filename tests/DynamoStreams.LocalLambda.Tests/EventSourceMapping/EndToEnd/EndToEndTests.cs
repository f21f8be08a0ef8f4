using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// The mapping end to end: the in-process emulator (AWS SDK writes, real stream), the engine, the Runtime API host and
/// real Node handler processes, the emulator's SQS as the OnFailure destination.
/// </summary>
public sealed class EndToEndTests(EsmFixture fixture) : IClassFixture<EsmFixture>
{
    private async Task<string> CreateQueueAsync() =>
        await fixture.Emulator.Queues.CreateQueueAsync("us-east-1", fixture.NewName("dlq"));

    [Fact]
    public async Task Bisect_PoisonRecordInRealHandler_IsolatedAndSentToSqs()
    {
        // spec B.8 #6 end to end; D.4 #8
        var (table, arn) = await fixture.CreateTableAsync("bisect");
        var function = await fixture.RegisterHandlerAsync("bisect");
        var dlq = await CreateQueueAsync();
        for (var n = 1; n <= 10; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 7 ? "throw" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BatchSize = 10;
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = dlq } };
        }));
        await mapping.StartAsync();

        var messages = await fixture.Emulator.Queues.ReceiveMessagesAsync(dlq, 10, TimeSpan.FromSeconds(20));
        await Eventually.WaitAsync(() => function.Invocations().Count >= 9, "nine invocations", observed: () => $"invocations {function.Ranges()}; {messages.Count} DLQ messages; metrics {mapping.GetStatus().Metrics}");

        Assert.Equal("[1-10] [1-5] [6-10] [6-8] [6-7] [6] [7] [8] [9-10]", string.Join(" ", function.Invocations().Select(i => i.Range)));
        using var document = JsonDocument.Parse(Assert.Single(messages).Body);
        var info = document.RootElement.GetProperty("DDBStreamBatchInfo");
        var seven = function.Invocations().Single(i => i.Range == "[7]").Records[0].Seq;
        Assert.Equal("RetryAttemptsExhausted", document.RootElement.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(1, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(seven, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(seven, info.GetProperty("endSequenceNumber").GetString());
        Assert.Equal(arn, info.GetProperty("streamArn").GetString());
    }

    [Fact]
    public async Task PartialBatchResponse_RealHandler_RetriesFromLowestFailure()
    {
        // spec B.8 #10 end to end
        var (table, arn) = await fixture.CreateTableAsync("rbif");
        var function = await fixture.RegisterHandlerAsync("rbif");
        for (var n = 1; n <= 6; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 4 ? "fail" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.FunctionResponseTypes = ["ReportBatchItemFailures"];
            o.MaximumRetryAttempts = 1;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => function.Invocations().Count >= 2, "two invocations", observed: function.Ranges);

        Assert.Equal("[1-6] [4-6]", string.Join(" ", function.Invocations().Select(i => i.Range)));
        Assert.All(function.Invocations().SelectMany(i => i.Records), r => Assert.Equal(arn, r.Arn));
    }

    [Fact]
    public async Task Timeout_RealHandler_CountsAsFunctionErrorAndIsHalved()
    {
        // spec B.8 #14 end to end (Sandbox.Timedout from the host)
        var (table, arn) = await fixture.CreateTableAsync("timeout");
        var function = await fixture.RegisterHandlerAsync("timeout", timeoutSeconds: 1);
        await fixture.PutAsync(table, "a", 1);
        await fixture.PutAsync(table, "b", 2, "sleep");

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => function.Invocations().Count >= 3 && mapping.GetStatus().Metrics.RecordsDropped == 1, "the halving and the drop");

        Assert.Equal("[1-2] [1] [2]", string.Join(" ", function.Invocations().Select(i => i.Range)));
        Assert.Equal(2, mapping.GetStatus().Metrics.FunctionErrors);
    }

    [Fact]
    public async Task HandlerProcessKilledMidBatch_BatchRetriedNothingLost()
    {
        // issue 6 crash test: the handler process exits mid-batch; at-least-once, order kept per key
        var (table, arn) = await fixture.CreateTableAsync("crash");
        var function = await fixture.RegisterHandlerAsync("crash");
        for (var n = 1; n <= 5; n++)
        {
            await fixture.PutAsync(table, "same-key", n, n == 3 ? "exit" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => function.Invocations().Count >= 2, "the retry after the crash", observed: function.Ranges);

        var invocations = function.Invocations();
        Assert.Equal("[1-5] [1-5]", string.Join(" ", invocations.Select(i => i.Range)));
        Assert.NotEqual(invocations[0].Pid, invocations[1].Pid);
        Assert.True(File.Exists(function.ExitFile));
        Assert.Equal(1, mapping.GetStatus().Metrics.FunctionErrors);
    }

    [Fact]
    public async Task EngineRestartedMidStream_EveryRecordDeliveredInKeyOrder()
    {
        // issue 6 crash test: restart the engine while writes continue; nothing lost, per-key order kept
        var (table, arn) = await fixture.CreateTableAsync("restart");
        var function = await fixture.RegisterHandlerAsync("restart");
        var checkpoints = new InMemoryCheckpointStore();
        var uuid = Guid.NewGuid().ToString();
        var engine = fixture.CreateEngine(checkpoints);
        await engine.CreateMapping(EsmFixture.Mapping(arn, function, o => { o.Uuid = uuid; o.BatchSize = 7; })).StartAsync();

        for (var n = 1; n <= 60; n++)
        {
            await fixture.PutAsync(table, $"key{n % 3}", n);
            if (n == 30)
            {
                await engine.DisposeAsync();
                engine = fixture.CreateEngine(checkpoints);
                await engine.CreateMapping(EsmFixture.Mapping(arn, function, o => { o.Uuid = uuid; o.BatchSize = 7; })).StartAsync();
            }
        }

        await Eventually.WaitAsync(() => function.Invocations().SelectMany(i => i.Records).Select(r => r.N).Distinct().Count() == 60, "all 60 records");
        await engine.DisposeAsync();

        var delivered = function.Invocations().SelectMany(i => i.Records).ToList();
        foreach (var group in delivered.GroupBy(r => r.Key))
        {
            var firsts = group.Select(r => r.N).Distinct().ToList();
            Assert.Equal(firsts.Order().ToList(), firsts);
        }
    }

    [Fact]
    public async Task FilterAndDisable_RealHandler_OnlyMatchingRecordsAfterReEnable()
    {
        // spec B.8 #5 and #15 end to end
        var (table, arn) = await fixture.CreateTableAsync("filter");
        var function = await fixture.RegisterHandlerAsync("filter");
        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o => o.FilterCriteria = new FilterCriteria
        {
            Filters = [new Filter { Pattern = """{"eventName":["INSERT"]}""" }],
        }));
        await mapping.StartAsync();
        await fixture.PutAsync(table, "a", 1);
        await Eventually.WaitAsync(() => function.Invocations().Count == 1, "the first insert");

        await mapping.SetEnabledAsync(false);
        await fixture.PutAsync(table, "a", 2);
        await fixture.PutAsync(table, "b", 3);
        await mapping.SetEnabledAsync(true);
        await Eventually.WaitAsync(() => function.Invocations().SelectMany(i => i.Records).Any(r => r.N == 3), "the inserts after re-enable");

        Assert.Equal([1, 3], function.Invocations().SelectMany(i => i.Records).Select(r => r.N));
        Assert.Equal(1, mapping.GetStatus().Metrics.RecordsFiltered);
    }

    [Fact]
    public async Task ImageFilter_StatusActive_DropsRemovesAndInactiveModifies()
    {
        // spec B.8 #16 (image filter), B.7: typed JSON written out; dropped records checkpointed, never delivered
        var (table, arn) = await fixture.CreateTableAsync("image-filter");
        var function = await fixture.RegisterHandlerAsync("image-filter");
        await PutStatusAsync(table, "a", 1, "active");
        await PutStatusAsync(table, "a", 2, "inactive");
        await PutStatusAsync(table, "b", 3, "active");
        await fixture.Dynamo.DeleteItemAsync(table, new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["pk"] = new() { S = "b" } });
        await PutStatusAsync(table, "c", 5, "active");

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o => o.FilterCriteria = new FilterCriteria
        {
            Filters = [new Filter { Pattern = """{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}""" }],
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsFiltered == 2 && mapping.GetStatus().Metrics.RecordsDelivered == 3, "three delivered, two filtered");

        Assert.Equal([1, 3, 5], function.Invocations().SelectMany(i => i.Records).Select(r => r.N));
        Assert.Equal(mapping.GetStatus().Shards.Single().Checkpoint, function.Invocations()[^1].Records[^1].Seq);
    }

    [Fact]
    public async Task Redrive_DlqMessageAfterFix_RangeReadAgainFromStreamAndDelivered()
    {
        // issue 6: redrive of a DLQ message re-reads its sequence range; spec B.6 "consumers re-read by sequence number"
        var (table, arn) = await fixture.CreateTableAsync("redrive");
        var function = await fixture.RegisterHandlerAsync("redrive");
        var dlq = await CreateQueueAsync();
        await fixture.PutAsync(table, "a", 1);
        await fixture.PutAsync(table, "b", 2, "throw-until-healed");
        await fixture.PutAsync(table, "c", 3);

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BatchSize = 1;
            o.MaximumRetryAttempts = 0;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = dlq } };
        }));
        await mapping.StartAsync();
        var message = Assert.Single(await fixture.Emulator.Queues.ReceiveMessagesAsync(dlq, 10, TimeSpan.FromSeconds(20)));
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 2, "records 1 and 3");
        await File.WriteAllTextAsync(function.ExitFile + ".healed", "fixed");

        var result = await mapping.RedriveAsync(message.Body);

        Assert.Equal(new(1, 1, 0), result);
        Assert.Equal("[1] [2] [3] [2]", function.Ranges());
        Assert.Equal(function.Invocations()[1].Records[0].Seq, function.Invocations()[^1].Records[0].Seq);
    }

    [Fact]
    public async Task Latest_RecordsBeforeStartSkipped_LaterDeliveredAndRestartKeepsPosition()
    {
        // spec B.1 StartingPosition LATEST; issue 6: a restart neither skips nor replays
        var (table, arn) = await fixture.CreateTableAsync("latest");
        var function = await fixture.RegisterHandlerAsync("latest");
        var checkpoints = new InMemoryCheckpointStore();
        var uuid = Guid.NewGuid().ToString();
        await fixture.PutAsync(table, "a", 1);
        var engine = fixture.CreateEngine(checkpoints);
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o => { o.Uuid = uuid; o.StartingPosition = "LATEST"; }));
        await mapping.StartAsync();
        await Eventually.WaitAsync(() => mapping.GetStatus().Shards.Count == 1, "the shard listed");
        await fixture.PutAsync(table, "a", 2);
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 1, "record 2");
        await engine.DisposeAsync();

        await fixture.PutAsync(table, "a", 3);
        await using var restarted = fixture.CreateEngine(checkpoints);
        var again = restarted.CreateMapping(EsmFixture.Mapping(arn, function, o => { o.Uuid = uuid; o.StartingPosition = "LATEST"; }));
        await again.StartAsync();
        await Eventually.WaitAsync(() => again.GetStatus().Metrics.RecordsDelivered == 1, "record 3 after the restart");

        Assert.Equal("[2] [3]", function.Ranges());
    }

    private Task PutStatusAsync(string table, string key, int n, string status) =>
        fixture.Dynamo.PutItemAsync(new Amazon.DynamoDBv2.Model.PutItemRequest
        {
            TableName = table,
            Item = new()
            {
                ["pk"] = new() { S = key },
                ["n"] = new() { N = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["status"] = new() { S = status },
            },
        });
}
