using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Streams;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace MappingLatency;

/// <summary>One emulator, one Runtime API host running this executable as a no-op .NET handler, one table.</summary>
internal sealed class Rig : IAsyncDisposable
{
    public const string FunctionName = "noop";

    private Rig(DynamoEmulator emulator, LambdaRuntimeApiHost host, AmazonDynamoDBClient client, string streamArn, int concurrency)
    {
        Emulator = emulator;
        Host = host;
        Client = client;
        StreamArn = streamArn;
        Concurrency = concurrency;
    }

    public DynamoEmulator Emulator { get; }

    public LambdaRuntimeApiHost Host { get; }

    public AmazonDynamoDBClient Client { get; }

    public string StreamArn { get; }

    public int Concurrency { get; }

    public static async Task<Rig> StartAsync(int shards, int concurrency, string? dataDirectory = null)
    {
        var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { Streams = new StreamsOptions { ShardsPerStream = shards }, DataDirectory = dataDirectory });
        var host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), null, CancellationToken.None);
        await host.RegisterFunctionAsync(
            new LambdaFunctionOptions
            {
                Name = FunctionName,
                Concurrency = concurrency,
                Timeout = TimeSpan.FromSeconds(30),
                ThrottleTimeout = TimeSpan.FromSeconds(60),
            },
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
        // CreateTable answers CREATING; writes are accepted once DescribeTable says ACTIVE.
        while ((await client.DescribeTableAsync("bench")).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(50);
        }

        return new Rig(emulator, host, client, table.TableDescription.LatestStreamArn, concurrency);
    }

    /// <summary>Starts every handler process (one concurrent invocation each) so cold starts stay out of the figures.</summary>
    public async Task WarmAsync()
    {
        var payload = "{\"Records\":[]}"u8.ToArray();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ =>
            Host.InvokeAsync(FunctionName, payload, new InvokeOptions(), CancellationToken.None)));
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
