using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// The engine over the DynamoDB Streams HTTP API (SigV4-signed, as against DynamoDB Local or AWS) and an SQS
/// destination reached through AWSSDK.SQS, both served by the emulator on loopback.
/// </summary>
public sealed class HttpSourceTests(EsmFixture fixture) : IClassFixture<EsmFixture>
{
    [Fact]
    public async Task HttpSource_PoisonRecord_DeliversOthersAndSqsSdkReceivesOnFailure()
    {
        // issue 6: Streams HTTP source (spec A.5) + SQS destination at any endpoint (spec B.6, D)
        var (table, arn) = await fixture.CreateTableAsync("http");
        var function = await fixture.RegisterHandlerAsync("http");
        using var sqs = new AmazonSQSClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonSQSConfig { ServiceURL = fixture.Emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var queueUrl = (await sqs.CreateQueueAsync(fixture.NewName("http-dlq"))).QueueUrl;
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).Attributes["QueueArn"];
        for (var n = 1; n <= 4; n++)
        {
            await fixture.PutAsync(table, $"k{n}", n, n == 3 ? "throw" : null);
        }

        using var http = new HttpClient();
        var source = new HttpStreamSource(new DynamoDbStreamsClient(http, fixture.Emulator.Endpoint, "us-east-1", new BasicAWSCredentials("local", "local")))
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
        await using var engine = new EventSourceMappingEngine(
            source,
            new RuntimeApiFunctionInvoker(fixture.Host),
            new InMemoryCheckpointStore(),
            new SqsFailureDestination(sqs),
            new EventSourceMappingEngineOptions { RetryBackoff = _ => TimeSpan.Zero });
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o =>
        {
            o.BisectBatchOnFunctionError = true;
            o.MaximumRetryAttempts = 0;
            o.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = queueArn } };
        }));
        await mapping.StartAsync();

        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 20 });
        await fixture.PutAsync(table, "k5", 5);
        await Eventually.WaitAsync(() => function.Invocations().SelectMany(i => i.Records).Any(r => r.N == 5), "record 5 read by polling");

        using var document = JsonDocument.Parse(Assert.Single(received.Messages).Body);
        var info = document.RootElement.GetProperty("DDBStreamBatchInfo");
        Assert.Equal(1, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(arn, info.GetProperty("streamArn").GetString());
        var delivered = function.Invocations().Where(i => !i.Records.Any(r => r.N == 3)).SelectMany(i => i.Records).Select(r => r.N).ToList();
        Assert.Equal([1, 2, 4, 5], delivered.Distinct().Order());
        Assert.All(function.Invocations().SelectMany(i => i.Records), r => Assert.Equal(arn, r.Arn));
    }
}
