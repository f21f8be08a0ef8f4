using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>
/// Redrive argument checks with the in-memory stream double (documents no real run produces). The B.5 algorithm and
/// B.6 documents (B.8 #6-#9, #13, #14) and redrive itself run end to end in <c>EndToEnd/</c>.
/// </summary>
public sealed class EngineRetryTests
{
    [Fact]
    public async Task Redrive_DocumentOfAnotherStream_Throws()
    {
        // issue 6: redrive names what is wrong
        await using var h = EngineHarness.Create();
        var document = """
            {"requestContext":{"requestId":"r","functionArn":"arn:aws:lambda:us-east-1:000000000000:function:f","condition":"RetryAttemptsExhausted","approximateInvokeCount":1},
             "version":"1.0","timestamp":"2026-11-25T00:00:00.000Z",
             "DDBStreamBatchInfo":{"shardId":"s","startSequenceNumber":"1","endSequenceNumber":"1","approximateArrivalOfFirstRecord":"2026-11-25T00:00:00Z","approximateArrivalOfLastRecord":"2026-11-25T00:00:00Z","batchSize":1,"streamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Other/stream/x"}}
            """;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.Mapping.RedriveAsync(document));

        Assert.Contains("table/Other", ex.Message);
        await Assert.ThrowsAsync<FormatException>(() => h.Mapping.RedriveAsync("{\"hello\":1}"));
    }
}
