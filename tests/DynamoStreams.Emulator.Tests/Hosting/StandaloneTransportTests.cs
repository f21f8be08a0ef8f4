using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using DynamoStreams.Emulator.Tests.Persistence;

namespace DynamoStreams.Emulator.Tests.Hosting;

/// <summary>
/// The standalone program runs requests on the socket engine's threads (inline completions and inline Kestrel
/// scheduling, issue 18). These check that a request which waits never holds such a thread: with more waiting
/// long polls than the machine has engine threads, other requests are still answered, and the polls still end.
/// </summary>
public sealed class StandaloneTransportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("emulator-transport-").FullName;

    [Fact]
    public async Task LongPolls_OnMoreConnectionsThanEngineThreads_DoNotHoldUpOtherRequests()
    {
        using var emulator = await EmulatorProcess.StartAsync(_directory);
        var pollers = Enumerable.Range(0, Environment.ProcessorCount * 4).Select(_ => CreateSqsClient(emulator.Endpoint)).ToList();
        using var sqs = CreateSqsClient(emulator.Endpoint);
        using var dynamo = EmulatorProcess.CreateClient(emulator.Endpoint);
        try
        {
            var url = (await sqs.CreateQueueAsync("waiting")).QueueUrl;
            var polls = pollers
                .Select(client => client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 20, MaxNumberOfMessages = 1 }))
                .ToList();

            // Every poll is now waiting (up to 20 s) for a message; DynamoDB requests on other connections go on.
            await dynamo.CreateTableAsync(new CreateTableRequest
            {
                TableName = "busy",
                BillingMode = "PAY_PER_REQUEST",
                AttributeDefinitions = [new AttributeDefinition("pk", "S")],
                KeySchema = [new KeySchemaElement("pk", "HASH")],
            });
            for (var i = 0; i < 20; i++)
            {
                await dynamo.PutItemAsync("busy", new Dictionary<string, AttributeValue> { ["pk"] = new($"item-{i}") });
            }

            var read = await dynamo.GetItemAsync("busy", new Dictionary<string, AttributeValue> { ["pk"] = new("item-19") });
            Assert.Equal("item-19", read.Item["pk"].S);
            Assert.All(polls, poll => Assert.False(poll.IsCompleted, "a long poll ended before any message was sent"));

            for (var i = 0; i < polls.Count; i++)
            {
                await sqs.SendMessageAsync(url, $"message-{i}");
            }

            var received = await Task.WhenAll(polls).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(
                Enumerable.Range(0, polls.Count).Select(i => $"message-{i}").Order(),
                received.SelectMany(r => r.Messages).Select(m => m.Body).Order());
        }
        finally
        {
            pollers.ForEach(client => client.Dispose());
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static AmazonSQSClient CreateSqsClient(string endpoint) => new(new BasicAWSCredentials("x", "x"), new AmazonSQSConfig
    {
        ServiceURL = endpoint,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromSeconds(60),
    });
}
