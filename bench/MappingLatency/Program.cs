using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator;
using DynamoStreams.Emulator.Streams;
using DynamoStreams.Lambda;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.InProcess;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;

// bench/MappingLatency: PutItem acknowledgement -> handler received (p50/p99), and records/s to a no-op .NET handler.
// Run: dotnet run -c Release --project bench/MappingLatency [-- --samples 1000 --records 40000]
// The same executable is the handler process when started with --handler (the Runtime API host launches it).
if (args.Contains("--handler"))
{
    // No-op handler: answers with the monotonic timestamp at which it received the event (same clock in every process).
    return await LambdaRuntime.RunAsync(LambdaHandler.FromBytes((payload, response, context) =>
    {
        var received = Stopwatch.GetTimestamp();
        var text = Encoding.UTF8.GetBytes($"{{\"received\":{received}}}");
        response.Write(text);
        return ValueTask.CompletedTask;
    }));
}

var samples = Option("--samples", 1000);
var records = Option("--records", 40_000);
Console.WriteLine($"MappingLatency on {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

await MeasureLatencyAsync(samples);
foreach (var shards in new[] { 1, 4 })
{
    foreach (var pf in new[] { 1, 4 })
    {
        await MeasureThroughputAsync(records, shards, pf);
    }
}

return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task MeasureLatencyAsync(int samples)
{
    await using var rig = await Rig.StartAsync(shards: 1, concurrency: 1);
    var timing = new TimingInvoker(new RuntimeApiFunctionInvoker(rig.Host));
    await using var engine = new EventSourceMappingEngine(new EmulatorStreamSource(rig.Emulator.Streams), timing, new InMemoryCheckpointStore());
    var mapping = engine.CreateMapping(new EventSourceMappingOptions { EventSourceArn = rig.StreamArn, FunctionName = Rig.FunctionName, StartingPosition = "LATEST" });
    await mapping.StartAsync();
    await Task.Delay(200);

    var latencies = new List<double>(samples);
    for (var i = -100; i < samples; i++)
    {
        var key = $"lat-{i}";
        var delivered = timing.Expect(key);
        await rig.PutAsync(key);
        var acked = Stopwatch.GetTimestamp();
        var received = await delivered.WaitAsync(TimeSpan.FromSeconds(30));
        if (i >= 0)
        {
            latencies.Add(Stopwatch.GetElapsedTime(acked, received).TotalMilliseconds);
        }
    }

    latencies.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"latency  PutItem ack -> handler received, defaults (BatchSize 100, window 0, PF 1), {samples} sequential writes: p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms"));
}

static async Task MeasureThroughputAsync(int count, int shards, int pf)
{
    await using var rig = await Rig.StartAsync(shards, concurrency: shards * pf);
    await rig.FillAsync(count);
    await using var engine = new EventSourceMappingEngine(new EmulatorStreamSource(rig.Emulator.Streams), new RuntimeApiFunctionInvoker(rig.Host), new InMemoryCheckpointStore());
    var mapping = engine.CreateMapping(new EventSourceMappingOptions
    {
        EventSourceArn = rig.StreamArn,
        FunctionName = Rig.FunctionName,
        StartingPosition = "TRIM_HORIZON",
        BatchSize = 100,
        ParallelizationFactor = pf,
    });
    var start = Stopwatch.GetTimestamp();
    await mapping.StartAsync();
    while (mapping.GetStatus().Metrics.RecordsDelivered < count)
    {
        await Task.Delay(5);
    }

    var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"throughput  {count} records, BatchSize 100, {shards} shard(s), PF {pf}: {count / seconds:F0} records/s ({mapping.GetStatus().Metrics.Batches} invocations in {seconds:F2} s)"));
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

/// <summary>One emulator, one Runtime API host running this executable as a no-op .NET handler, one table.</summary>
internal sealed class Rig : IAsyncDisposable
{
    public const string FunctionName = "noop";

    private Rig(DynamoEmulator emulator, LambdaRuntimeApiHost host, AmazonDynamoDBClient client, string streamArn)
    {
        Emulator = emulator;
        Host = host;
        Client = client;
        StreamArn = streamArn;
    }

    public DynamoEmulator Emulator { get; }

    public LambdaRuntimeApiHost Host { get; }

    public AmazonDynamoDBClient Client { get; }

    public string StreamArn { get; }

    public static async Task<Rig> StartAsync(int shards, int concurrency)
    {
        var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { Streams = new StreamsOptions { ShardsPerStream = shards } });
        var host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), null, CancellationToken.None);
        await host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = FunctionName, Concurrency = concurrency, Timeout = TimeSpan.FromSeconds(30) },
            new DotNetExecutableRunner(typeof(Rig).Assembly.Location, new DotNetExecutableRunnerOptions { Arguments = ["--handler"] }),
            CancellationToken.None);
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), new AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var table = await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bench",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        return new Rig(emulator, host, client, table.TableDescription.LatestStreamArn);
    }

    public Task PutAsync(string key) => Client.PutItemAsync(new PutItemRequest
    {
        TableName = "bench",
        Item = new() { ["pk"] = new AttributeValue { S = key }, ["v"] = new AttributeValue { N = "1" } },
    });

    public async Task FillAsync(int count)
    {
        var batches = Enumerable.Range(0, count).Chunk(25).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await Client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new()
                {
                    ["bench"] = chunk.Select(i => new WriteRequest(new PutRequest(new() { ["pk"] = new AttributeValue { S = $"k{i}" }, ["v"] = new AttributeValue { N = "1" } }))).ToList(),
                },
            }, ct));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Passes invocations through and reports, per partition key, the handler's receive timestamp.</summary>
internal sealed class TimingInvoker(IFunctionInvoker inner) : IFunctionInvoker
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();

    public Task<long> Expect(string key) => _waiting.GetOrAdd(key, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async Task<FunctionInvocationResult> InvokeAsync(FunctionInvocationRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.InvokeAsync(request, cancellationToken);
        if (result.Outcome == FunctionInvocationOutcome.Success)
        {
            using var response = JsonDocument.Parse(result.Payload);
            var received = response.RootElement.GetProperty("received").GetInt64();
            using var payload = JsonDocument.Parse(request.Payload);
            foreach (var record in payload.RootElement.GetProperty("Records").EnumerateArray())
            {
                var key = record.GetProperty("dynamodb").GetProperty("Keys").GetProperty("pk").GetProperty("S").GetString()!;
                if (_waiting.TryGetValue(key, out var waiter))
                {
                    waiter.TrySetResult(received);
                }
            }
        }

        return result;
    }
}
