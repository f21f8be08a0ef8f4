using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// Results, retries and throttles (spec B.4, B.5, B.6) end to end: the emulator's stream and SQS, the engine, the
/// Runtime API host and real Node handler processes that fail on chosen records.
/// </summary>
public sealed class RetryEndToEndTests(EsmFixture fixture) : IClassFixture<EsmFixture>
{
    [Fact]
    public async Task NoBisect_RetriesTwo_ThreeInvocationsThenOneTenRecordMessageAndNextRecordFlows()
    {
        // spec B.8 #7, B.6
        var (table, arn) = await fixture.CreateTableAsync("retry2");
        var function = await fixture.RegisterHandlerAsync("retry2");
        var dlq = await fixture.Emulator.Queues.CreateQueueAsync("us-east-1", fixture.NewName("dlq"));
        for (var n = 1; n <= 10; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 7 ? "throw" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BatchSize = 10;
            o.MaximumRetryAttempts = 2;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = dlq } };
        }));
        await mapping.StartAsync();

        var message = Assert.Single(await fixture.Emulator.Queues.ReceiveMessagesAsync(dlq, 10, TimeSpan.FromSeconds(20)));
        await fixture.PutAsync(table, "k11", 11);
        await Eventually.WaitAsync(() => function.Invocations().Count == 4, "record 11 after the discarded batch");

        Assert.Equal("[1-10] [1-10] [1-10] [11]", function.Ranges());
        using var document = JsonDocument.Parse(message.Body);
        var root = document.RootElement;
        var info = root.GetProperty("DDBStreamBatchInfo");
        var first = function.Invocations()[0].Records;
        Assert.Equal("RetryAttemptsExhausted", root.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(3, root.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal("Unhandled", root.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.Equal(10, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(first[0].Seq, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(first[^1].Seq, info.GetProperty("endSequenceNumber").GetString());
        Assert.Equal(2, mapping.GetStatus().Metrics.Retries);
    }

    [Fact]
    public async Task RetriesExhausted_NoDestination_DroppedSilentlyShardResumes()
    {
        // spec B.8 #9
        var (table, arn) = await fixture.CreateTableAsync("drop");
        var function = await fixture.RegisterHandlerAsync("drop");
        await fixture.PutAsync(table, "a", 1, "throw");
        await fixture.PutAsync(table, "a", 2);

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BatchSize = 1;
            o.MaximumRetryAttempts = 1;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 1, "record 2 after the drop");

        Assert.Equal("[1] [1] [2]", function.Ranges());
        Assert.Equal(1, mapping.GetStatus().Metrics.RecordsDropped);
        Assert.Equal(0, mapping.GetStatus().Metrics.RecordsSentToDestination);
    }

    [Fact]
    public async Task ReportBatchItemFailures_EmptyItemIdentifier_WholeBatchRetried()
    {
        // spec B.8 #11 (first half), B.4: an empty itemIdentifier fails the whole batch
        var (table, arn) = await fixture.CreateTableAsync("rbif-empty");
        var function = await fixture.RegisterHandlerAsync("rbif-empty");
        for (var n = 1; n <= 4; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 3 ? "fail-empty" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.FunctionResponseTypes = ["ReportBatchItemFailures"];
            o.MaximumRetryAttempts = 1;
        }));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDropped == 4, "the whole batch dropped after one retry");

        Assert.Equal("[1-4] [1-4]", function.Ranges());
        Assert.Equal(2, mapping.GetStatus().Metrics.FunctionErrors);
    }

    [Fact]
    public async Task ReportBatchItemFailuresOff_FailuresInResponse_BatchSucceeds()
    {
        // spec B.8 #11 (second half): without ReportBatchItemFailures the body is ignored
        var (table, arn) = await fixture.CreateTableAsync("rbif-off");
        var function = await fixture.RegisterHandlerAsync("rbif-off");
        for (var n = 1; n <= 3; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 2 ? "fail" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function));
        await mapping.StartAsync();

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 3, "the batch delivered");

        Assert.Equal("[1-3]", function.Ranges());
        Assert.Equal(0, mapping.GetStatus().Metrics.FunctionErrors);
    }

    [Fact]
    public async Task ReportBatchItemFailuresWithBisect_PartialNotHalvedThrownErrorHalved()
    {
        // spec B.8 #12: a partial response retries from the reported record (no halving); a thrown error is halved
        var (table, arn) = await fixture.CreateTableAsync("rbif-bisect");
        var function = await fixture.RegisterHandlerAsync("rbif-bisect");
        var dlq = await fixture.Emulator.Queues.CreateQueueAsync("us-east-1", fixture.NewName("dlq"));
        for (var n = 1; n <= 10; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 7 ? "fail" : null);
        }

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BatchSize = 10;
            o.FunctionResponseTypes = ["ReportBatchItemFailures"];
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 1;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = dlq } };
        }));
        await mapping.StartAsync();
        var partial = Assert.Single(await fixture.Emulator.Queues.ReceiveMessagesAsync(dlq, 10, TimeSpan.FromSeconds(20)));

        // Paused while writing, so the four records form one batch.
        await mapping.SetEnabledAsync(false);
        for (var n = 11; n <= 14; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 13 ? "throw" : null);
        }

        await mapping.SetEnabledAsync(true);

        var thrown = Assert.Single(await fixture.Emulator.Queues.ReceiveMessagesAsync(dlq, 10, TimeSpan.FromSeconds(20)));
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 9, "record 14 after record 13");

        Assert.Equal("[1-10] [7-10] [11-14] [11-12] [13-14] [13] [13] [14]", function.Ranges());
        Assert.Equal(2, mapping.GetStatus().Metrics.Bisects);

        // spec B.6 [emu]: after a partial response the document has no functionError; after a thrown error it has.
        using var partialDocument = JsonDocument.Parse(partial.Body);
        using var thrownDocument = JsonDocument.Parse(thrown.Body);
        Assert.Equal(4, partialDocument.RootElement.GetProperty("DDBStreamBatchInfo").GetProperty("batchSize").GetInt32());
        Assert.False(partialDocument.RootElement.GetProperty("responseContext").TryGetProperty("functionError", out _));
        Assert.Equal("Unhandled", thrownDocument.RootElement.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.Equal(1, thrownDocument.RootElement.GetProperty("DDBStreamBatchInfo").GetProperty("batchSize").GetInt32());
    }

    [Fact]
    public async Task Throttles_FiveBeforeSuccess_NotCountedAsRetriesBatchDelivered()
    {
        // spec B.8 #13, B.4: the function's only process is busy, so invocations are throttled by the host; with
        // MaximumRetryAttempts 0 the batch is still delivered once a process is free
        var (table, arn) = await fixture.CreateTableAsync("throttle");
        var function = await fixture.RegisterHandlerAsync("throttle", throttleTimeout: TimeSpan.FromMilliseconds(50));
        var release = Path.Combine(Path.GetDirectoryName(function.RecordFile)!, "release");
        var blocker = await HoldOnlyProcessAsync(function.Name, release);
        await fixture.PutAsync(table, "a", 1);

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o => o.MaximumRetryAttempts = 0));
        await mapping.StartAsync();
        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.Throttles >= 5, "five throttled invocations");
        await File.WriteAllTextAsync(release, "go");
        Assert.Equal(InvocationStatus.Succeeded, (await blocker).Status);

        await Eventually.WaitAsync(() => mapping.GetStatus().Metrics.RecordsDelivered == 1, "the batch delivered after the throttles");

        var metrics = mapping.GetStatus().Metrics;
        Assert.Equal("[1]", function.Ranges());
        Assert.Equal(0, metrics.Retries);
        Assert.Equal(0, metrics.FunctionErrors);
        Assert.Equal(0, metrics.RecordsDropped);
    }

    /// <summary>Occupies the function's only process until <paramref name="release"/> exists (retried while it starts: a cold start outlasts the 50 ms throttle timeout).</summary>
    private async Task<Task<InvocationResult>> HoldOnlyProcessAsync(string functionName, string release)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { blockUntil = release }));
        while (true)
        {
            var blocker = fixture.Host.InvokeAsync(functionName, payload, new InvokeOptions(), CancellationToken.None);
            await Eventually.WaitAsync(() => blocker.IsCompleted || File.Exists(release + ".started"), "the blocking invocation to start or be throttled");
            if (!blocker.IsCompleted)
            {
                return blocker;
            }

            Assert.Equal(InvocationStatus.Throttled, (await blocker).Status);
        }
    }
}
