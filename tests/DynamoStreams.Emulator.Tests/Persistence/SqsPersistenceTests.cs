using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Persistence;

namespace DynamoStreams.Emulator.Tests.Persistence;

/// <summary>
/// SQS state through restarts: every send, receive, delete, visibility change, tag change and dead-letter move is
/// logged as one small entry of its own, and replays to the same queues.
/// </summary>
public sealed class SqsPersistenceTests : IDisposable
{
    private readonly LiveLogCopy _log = new("dse-sqs");

    [Fact]
    public async Task Restart_AfterSendReceiveDeleteAndTags_KeepsEveryMessageStateAndTheTags()
    {
        // issue 4 persistence: SQS queues with their messages and delivery state survive a restart (spec D)
        string url;
        string receivedId;
        await using (var first = await StartAsync(_log.Running))
        {
            using var sqs = Client(first);
            url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "dlq", Tags = new() { ["team"] = "orders" } })).QueueUrl;
            foreach (var body in new[] { "one", "two", "three" })
            {
                await sqs.SendMessageAsync(url, body);
            }

            var received = (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 2, VisibilityTimeout = 600 })).Messages;
            Assert.Equal(2, received.Count);
            await sqs.DeleteMessageAsync(url, received[0].ReceiptHandle);
            receivedId = received[1].MessageId;
            await sqs.TagQueueAsync(new TagQueueRequest { QueueUrl = url, Tags = new() { ["stage"] = "dev" } });
            await sqs.UntagQueueAsync(new UntagQueueRequest { QueueUrl = url, TagKeys = ["team"] });
            _log.Take();
        }

        await using var second = await StartAsync(_log.Crashed);
        using var sqs2 = Client(second);
        var attributes = (await sqs2.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])).Attributes;
        var tags = (await sqs2.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = url })).Tags;
        var visible = (await sqs2.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["ApproximateReceiveCount"] })).Messages;

        Assert.Equal("1", attributes["ApproximateNumberOfMessages"]);
        Assert.Equal("1", attributes["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal(new Dictionary<string, string> { ["stage"] = "dev" }, tags);
        var last = Assert.Single(visible);
        Assert.NotEqual(receivedId, last.MessageId);
        Assert.Equal("1", last.Attributes["ApproximateReceiveCount"]);
    }

    [Fact]
    public async Task SendMany_EachSendLogsOneSmallEntry_NotTheWholeQueue()
    {
        // issue 4 persistence: the log grows with what changed; logging the whole queue per send grew it quadratically
        const int Messages = 200;
        var body = new string('m', 1024);
        await using (var emulator = await StartAsync(_log.Running))
        {
            using var sqs = Client(emulator);
            var url = (await sqs.CreateQueueAsync("dlq")).QueueUrl;
            for (var i = 0; i < Messages; i++)
            {
                await sqs.SendMessageAsync(url, body);
            }

            _log.Take();
        }

        var payloads = Directory.GetFiles(_log.Crashed, "wal-*.log").SelectMany(f => WalFrames.ReadAll(f).Payloads).ToList();
        var messageEntries = payloads.Where(p => TypeOf(p) == "queue-msg").ToList();

        Assert.Equal(Messages, messageEntries.Count);
        Assert.All(messageEntries, p => Assert.InRange(p.Length, body.Length, body.Length + 1024));
        await using var recovered = await StartAsync(_log.Crashed);
        using var sqs2 = Client(recovered);
        var depth = (await sqs2.GetQueueAttributesAsync((await sqs2.GetQueueUrlAsync("dlq")).QueueUrl, ["ApproximateNumberOfMessages"])).Attributes;
        Assert.Equal($"{Messages}", depth["ApproximateNumberOfMessages"]);
    }

    [Fact]
    public async Task RedriveToDeadLetterQueue_IsOneEntry_AndTheMessageIsInTheDlqAfterRestart()
    {
        // spec D redrive with issue 4 persistence: the move leaves the source and enters the DLQ in one log entry
        string sourceUrl;
        string dlqUrl;
        await using (var emulator = await StartAsync(_log.Running))
        {
            using var sqs = Client(emulator);
            dlqUrl = (await sqs.CreateQueueAsync("orders-dlq")).QueueUrl;
            var dlqArn = (await sqs.GetQueueAttributesAsync(dlqUrl, ["QueueArn"])).Attributes["QueueArn"];
            sourceUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest
            {
                QueueName = "orders",
                Attributes = new() { ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":"1"}""" },
            })).QueueUrl;
            await sqs.SendMessageAsync(sourceUrl, "poison");
            var received = Assert.Single((await sqs.ReceiveMessageAsync(sourceUrl)).Messages);
            await sqs.ChangeMessageVisibilityAsync(sourceUrl, received.ReceiptHandle, 0);
            Assert.Empty((await sqs.ReceiveMessageAsync(sourceUrl)).Messages);
            _log.Take();
        }

        using (var document = JsonDocument.Parse(Directory.GetFiles(_log.Crashed, "wal-*.log").Order(StringComparer.Ordinal).Select(f => WalFrames.ReadAll(f).Payloads).Last(p => p.Count > 0)[^1]))
        {
            Assert.Equal("unit", document.RootElement.GetProperty("t").GetString());
            Assert.Equal(["queue-msg-deleted", "queue-msg"], document.RootElement.GetProperty("e").EnumerateArray().Select(e => e.GetProperty("t").GetString()));
        }

        await using var recovered = await StartAsync(_log.Crashed);
        using var sqs2 = Client(recovered);
        Assert.Empty((await sqs2.ReceiveMessageAsync(sourceUrl)).Messages);
        Assert.Equal("poison", Assert.Single((await sqs2.ReceiveMessageAsync(dlqUrl)).Messages).Body);
    }

    public void Dispose() => _log.Dispose();

    private static Task<DynamoEmulator> StartAsync(string directory) =>
        DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = directory });

    private static AmazonSQSClient Client(DynamoEmulator emulator) =>
        new(new BasicAWSCredentials("x", "x"), new AmazonSQSConfig { ServiceURL = emulator.Endpoint.ToString().TrimEnd('/'), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    private static string? TypeOf(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty("t").GetString();
    }
}
