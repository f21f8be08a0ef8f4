using System.Net;
using Amazon.SQS;
using Amazon.SQS.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Sqs;

public sealed class SqsApiTests(SqsTestServer server) : IClassFixture<SqsTestServer>
{
    private AmazonSQSClient Client => server.Client;

    [Fact]
    public async Task CreateQueue_SameNameAndAttributes_ReturnsSameUrl()
    {
        // spec D.4 #1, D.1 URL format
        var first = await Client.CreateQueueAsync(new CreateQueueRequest("same-twice") { Attributes = new() { ["VisibilityTimeout"] = "30" } });
        var second = await Client.CreateQueueAsync(new CreateQueueRequest("same-twice") { Attributes = new() { ["VisibilityTimeout"] = "30" } });

        Assert.Equal(first.QueueUrl, second.QueueUrl);
        Assert.Equal($"{server.Endpoint}/000000000000/same-twice", first.QueueUrl);
    }

    [Fact]
    public async Task CreateQueue_SameNameDifferentAttributes_ThrowsQueueNameExists()
    {
        // spec D.4 #1, D.3
        await Client.CreateQueueAsync("differs");

        var error = await Assert.ThrowsAsync<QueueNameExistsException>(() =>
            Client.CreateQueueAsync(new CreateQueueRequest("differs") { Attributes = new() { ["VisibilityTimeout"] = "45" } }));

        Assert.Equal("QueueAlreadyExists", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task GetQueueUrl_MissingQueue_ThrowsQueueDoesNotExistWithQueryCode()
    {
        // spec D.4 #2, D.3
        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => Client.GetQueueUrlAsync("nope"));

        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
        Assert.Equal("The specified queue does not exist.", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task SendMessage_Hello_ReturnsBodyMd5()
    {
        // spec D.4 #3
        var url = (await Client.CreateQueueAsync("md5-body")).QueueUrl;

        var sent = await Client.SendMessageAsync(url, "hello");

        Assert.Equal("5d41402abc4b2a76b9719d911017c592", sent.MD5OfMessageBody);
    }

    [Fact]
    public async Task SendAndReceive_WithMessageAttributes_SdkVerifiesAttributeMd5()
    {
        // spec D.4 #3, D.2 MD5OfMessageAttributes
        var url = (await Client.CreateQueueAsync("md5-attributes")).QueueUrl;
        var attributes = new Dictionary<string, MessageAttributeValue>
        {
            ["kind"] = new() { DataType = "String", StringValue = "failure" },
            ["count"] = new() { DataType = "Number", StringValue = "3" },
            ["blob"] = new() { DataType = "Binary", BinaryValue = new MemoryStream([1, 2, 3]) },
        };

        var sent = await Client.SendMessageAsync(new SendMessageRequest(url, "with attributes") { MessageAttributes = attributes });
        var received = await Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MessageAttributeNames = ["All"] });

        Assert.Matches("^[0-9a-f]{32}$", sent.MD5OfMessageAttributes);
        var message = Assert.Single(received.Messages);
        Assert.Equal(sent.MD5OfMessageAttributes, message.MD5OfMessageAttributes);
        Assert.Equal("failure", message.MessageAttributes["kind"].StringValue);
        Assert.Equal([1, 2, 3], message.MessageAttributes["blob"].BinaryValue.ToArray());
    }

    [Fact]
    public async Task ReceiveMessage_LongPollOnEmptyQueue_ReturnsEmptyAtDeadline()
    {
        // spec D.4 #4 (time advanced on the emulator's clock instead of waiting)
        var url = (await Client.CreateQueueAsync("long-poll-empty")).QueueUrl;

        var receive = Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 2 });
        while (!receive.IsCompleted)
        {
            server.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(receive, Task.Delay(20));
        }

        Assert.Empty((await receive).Messages ?? []);
    }

    [Fact]
    public async Task ReceiveMessage_SendDuringLongPoll_ReturnsTheMessage()
    {
        // spec D.4 #4: the clock never moves, so only the send can end the wait
        var url = (await Client.CreateQueueAsync("long-poll-send")).QueueUrl;

        var receive = Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 20 });
        await Task.Delay(100);
        await Client.SendMessageAsync(url, "wake up");
        var received = await receive.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("wake up", Assert.Single(received.Messages).Body);
    }

    [Fact]
    public async Task ReceiveMessage_AfterVisibilityTimeout_ReappearsWithNewHandleAndCount()
    {
        // spec D.4 #5
        var url = (await Client.CreateQueueAsync("visibility")).QueueUrl;
        await Client.SendMessageAsync(url, "again");

        var first = Assert.Single((await Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { VisibilityTimeout = 1 })).Messages);
        Assert.Empty((await Client.ReceiveMessageAsync(url)).Messages ?? []);
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        var second = Assert.Single((await Client.ReceiveMessageAsync(new ReceiveMessageRequest(url)
        {
            MessageSystemAttributeNames = ["ApproximateReceiveCount"],
        })).Messages);

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
        Assert.Equal("2", second.Attributes["ApproximateReceiveCount"]);
        await Client.DeleteMessageAsync(url, second.ReceiptHandle);
        server.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Empty((await Client.ReceiveMessageAsync(url)).Messages ?? []);
    }

    [Fact]
    public async Task DeleteMessage_MadeUpHandle_ThrowsReceiptHandleIsInvalid()
    {
        // spec D.4 #5, D.2 DeleteMessage
        var url = (await Client.CreateQueueAsync("bad-handle")).QueueUrl;

        var error = await Assert.ThrowsAsync<ReceiptHandleIsInvalidException>(() => Client.DeleteMessageAsync(url, "not-a-handle"));

        Assert.Equal("ReceiptHandleIsInvalid", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteMessage_StaleHandle_SucceedsWithoutDeleting()
    {
        // spec D.2 DeleteMessage: a stale but genuine handle succeeds; only the newest deletes
        var url = (await Client.CreateQueueAsync("stale-handle")).QueueUrl;
        await Client.SendMessageAsync(url, "stale");
        var first = Assert.Single((await Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { VisibilityTimeout = 1 })).Messages);
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        _ = Assert.Single((await Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { VisibilityTimeout = 1 })).Messages);

        await Client.DeleteMessageAsync(url, first.ReceiptHandle);
        server.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Single((await Client.ReceiveMessageAsync(url)).Messages);
    }

    [Fact]
    public async Task GetQueueAttributes_All_ReturnsArnAndCountsThatMove()
    {
        // spec D.4 #6
        var url = (await Client.CreateQueueAsync("attributes-all")).QueueUrl;
        await Client.SendMessageAsync(url, "one");
        await Client.SendMessageAsync(url, "two");

        var before = (await Client.GetQueueAttributesAsync(url, ["All"])).Attributes;
        await Client.ReceiveMessageAsync(url);
        var after = (await Client.GetQueueAttributesAsync(url, ["All"])).Attributes;

        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:attributes-all", before["QueueArn"]);
        Assert.Equal("2", before["ApproximateNumberOfMessages"]);
        Assert.Equal("0", before["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal("1", after["ApproximateNumberOfMessages"]);
        Assert.Equal("1", after["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal("30", after["VisibilityTimeout"]);
        Assert.Equal("345600", after["MessageRetentionPeriod"]);
    }

    [Fact]
    public async Task PurgeQueue_TwiceWithin60Seconds_ThrowsPurgeQueueInProgress()
    {
        // spec D.4 #7
        var url = (await Client.CreateQueueAsync("purge-twice")).QueueUrl;
        await Client.SendMessageAsync(url, "gone");
        await Client.PurgeQueueAsync(url);

        var error = await Assert.ThrowsAsync<PurgeQueueInProgressException>(() => Client.PurgeQueueAsync(url));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("AWS.SimpleQueueService.PurgeQueueInProgress", error.ErrorCode);
        Assert.Empty((await Client.ReceiveMessageAsync(url)).Messages ?? []);
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        await Client.PurgeQueueAsync(url);
    }

    [Fact]
    public async Task SendMessageAsync_InProcessByArn_IsReceivedThroughTheSdk()
    {
        // spec D.1: ESM destinations are ARNs mapped to queues; D.4 #8 relies on this path
        var url = (await Client.CreateQueueAsync("by-arn")).QueueUrl;
        const string failure = """{"requestContext":{"condition":"RetryAttemptsExhausted"},"version":"1.0"}""";

        await server.Store.SendMessageAsync("arn:aws:sqs:us-east-1:000000000000:by-arn", failure);
        var message = Assert.Single((await Client.ReceiveMessageAsync(url)).Messages);

        Assert.Equal(failure, message.Body);
        Assert.Equal(1, server.Store.GetDepth("arn:aws:sqs:us-east-1:000000000000:by-arn").InFlight);
    }

    [Fact]
    public async Task SendMessageBatch_OneInvalidEntry_ReportsItInFailed()
    {
        // spec D.2 SendMessage(Batch)
        var url = (await Client.CreateQueueAsync("batch")).QueueUrl;

        var result = await Client.SendMessageBatchAsync(url,
        [
            new SendMessageBatchRequestEntry("a", "fine"),
            new SendMessageBatchRequestEntry("b", "bad\u0001body"),
        ]);

        Assert.Equal("a", Assert.Single(result.Successful).Id);
        var failed = Assert.Single(result.Failed);
        Assert.Equal("b", failed.Id);
        Assert.Equal("InvalidMessageContents", failed.Code);
        Assert.True(failed.SenderFault);
    }

    [Fact]
    public async Task SendMessageBatch_DuplicateIds_ThrowsBatchEntryIdsNotDistinct()
    {
        // spec D.3 batch errors
        var url = (await Client.CreateQueueAsync("batch-dup")).QueueUrl;

        await Assert.ThrowsAsync<BatchEntryIdsNotDistinctException>(() => Client.SendMessageBatchAsync(url,
            [new SendMessageBatchRequestEntry("a", "x"), new SendMessageBatchRequestEntry("a", "y")]));
    }

    [Fact]
    public async Task ReceiveMessage_PastMaxReceiveCount_MovesToDeadLetterQueue()
    {
        // spec D.2 visibility timeouts + redrive policy (a DLQ of a DLQ, as SQS allows)
        var dlqUrl = (await Client.CreateQueueAsync("redrive-target")).QueueUrl;
        var url = (await Client.CreateQueueAsync(new CreateQueueRequest("redrive-source")
        {
            Attributes = new()
            {
                ["RedrivePolicy"] = """{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:redrive-target","maxReceiveCount":"1"}""",
            },
        })).QueueUrl;
        await Client.SendMessageAsync(url, "poison");

        _ = Assert.Single((await Client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { VisibilityTimeout = 1 })).Messages);
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await Client.ReceiveMessageAsync(url);
        var moved = await Client.ReceiveMessageAsync(dlqUrl);

        Assert.Empty(again.Messages ?? []);
        Assert.Equal("poison", Assert.Single(moved.Messages).Body);
    }

    [Fact]
    public async Task SendMessage_WithDelay_CountsAsDelayedUntilDue()
    {
        // spec D.2 DelaySeconds, ApproximateNumberOfMessagesDelayed
        var url = (await Client.CreateQueueAsync("delayed")).QueueUrl;
        await Client.SendMessageAsync(new SendMessageRequest(url, "later") { DelaySeconds = 10 });
        var arn = "arn:aws:sqs:us-east-1:000000000000:delayed";

        Assert.Equal(1, server.Store.GetDepth(arn).Delayed);
        Assert.Empty((await Client.ReceiveMessageAsync(url)).Messages ?? []);
        server.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Single((await Client.ReceiveMessageAsync(url)).Messages);
    }

    [Fact]
    public async Task ReceiveMessage_PastRetentionPeriod_MessageIsGone()
    {
        // spec D.2 message retention
        var url = (await Client.CreateQueueAsync(new CreateQueueRequest("retention")
        {
            Attributes = new() { ["MessageRetentionPeriod"] = "60" },
        })).QueueUrl;
        await Client.SendMessageAsync(url, "old");

        server.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Empty((await Client.ReceiveMessageAsync(url)).Messages ?? []);
    }

    [Fact]
    public async Task SetQueueAttributes_OutOfRange_ThrowsInvalidAttributeValue()
    {
        // spec D.2 attribute ranges
        var url = (await Client.CreateQueueAsync("bad-attribute")).QueueUrl;

        var error = await Assert.ThrowsAsync<InvalidAttributeValueException>(() =>
            Client.SetQueueAttributesAsync(url, new() { ["VisibilityTimeout"] = "43201" }));

        Assert.Contains("VisibilityTimeout", error.Message);
    }

    [Fact]
    public async Task ListQueues_WithPrefixAndPaging_ReturnsAllPages()
    {
        // spec D.2 ListQueues
        foreach (var name in new[] { "page-a", "page-b", "page-c" })
        {
            await Client.CreateQueueAsync(name);
        }

        var first = await Client.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "page-", MaxResults = 2 });
        var second = await Client.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "page-", MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(2, first.QueueUrls.Count);
        Assert.EndsWith("/page-c", Assert.Single(second.QueueUrls));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task DeleteQueue_ThenCreateAtOnce_ThrowsQueueDeletedRecently()
    {
        // spec D.3 QueueDeletedRecently
        var url = (await Client.CreateQueueAsync("recreate")).QueueUrl;
        await Client.DeleteQueueAsync(url);

        await Assert.ThrowsAsync<QueueDeletedRecentlyException>(() => Client.CreateQueueAsync("recreate"));
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        await Client.CreateQueueAsync("recreate");
    }

    private async Task<RawResponse> RawAsync(string operation, string json) =>
        await RawHttp.SendAsync(new Uri(server.Endpoint + "/"), HttpMethod.Post, "/", json, "application/x-amz-json-1.0",
            new Dictionary<string, string>(RawHttp.Signed("AmazonSQS." + operation)));

    [Fact]
    public async Task SendMessage_LoneSurrogateInBody_ReturnsInvalidMessageContents()
    {
        // SQS API reference, SendMessage: allowed characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD |
        // #x10000 to #x10FFFF; a lone surrogate (JSON escape \ud800) is none of them
        var url = (await Client.CreateQueueAsync("lone-surrogate")).QueueUrl;

        var response = await RawAsync("SendMessage", $$"""{"QueueUrl":"{{url}}","MessageBody":"a\ud800b"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("com.amazonaws.sqs#InvalidMessageContents", response.Json.GetProperty("__type").GetString());
        Assert.Equal("InvalidMessageContents;Sender", response.Header("x-amzn-query-error"));
    }

    [Fact]
    public async Task SendMessageBatch_LoneSurrogateInOneEntry_FailsOnlyThatEntry()
    {
        // SQS API reference, SendMessageBatch: each entry succeeds or fails on its own
        var url = (await Client.CreateQueueAsync("lone-surrogate-batch")).QueueUrl;

        var response = await RawAsync("SendMessageBatch",
            $$"""{"QueueUrl":"{{url}}","Entries":[{"Id":"a","MessageBody":"fine \ud83d\ude00"},{"Id":"b","MessageBody":"\udc00"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("a", response.Json.GetProperty("Successful")[0].GetProperty("Id").GetString());
        Assert.Equal("InvalidMessageContents", response.Json.GetProperty("Failed")[0].GetProperty("Code").GetString());
        Assert.Equal("fine \U0001F600", Assert.Single((await Client.ReceiveMessageAsync(url)).Messages).Body);
    }

    [Theory]
    [InlineData("CreateQueue", """{"QueueName":"\ud800"}""")]
    [InlineData("GetQueueUrl", """{"QueueName":"q\udfff"}""")]
    [InlineData("SendMessageBatch", """{"QueueUrl":"URL","Entries":[["not an entry"]]}""")]
    public async Task AnyOperation_UnreadableMember_ReturnsSqsInvalidParameterValueNot500(string operation, string json)
    {
        // Every bad input gets the service's own 400 (here SQS's InvalidParameterValue), never a 500 or a DynamoDB type.
        var url = (await Client.CreateQueueAsync("unreadable")).QueueUrl;

        var response = await RawAsync(operation, json.Replace("URL", url, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("com.amazonaws.sqs#InvalidParameterValueException", response.Json.GetProperty("__type").GetString());
    }
}
