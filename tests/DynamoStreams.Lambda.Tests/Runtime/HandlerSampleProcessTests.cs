using DynamoStreams.Lambda.Tests.DynamoDBEvents;

namespace DynamoStreams.Lambda.Tests.Runtime;

public sealed class HandlerSampleProcessTests(RuntimeApiFixture fixture) : IClassFixture<RuntimeApiFixture>
{
    // spec C.1: a missing setting fails initialization: /runtime/init/error, then a non-zero exit
    [Fact]
    public async Task HandlerSample_NoTotalsTable_ReportsInitErrorAndExitsNonZero()
    {
        using var process = HandlerProcess.Start(fixture.Api.Address + "/order-totals", new Dictionary<string, string?> { ["TOTALS_TABLE_NAME"] = null });

        var posted = await fixture.Api.InitErrorAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("InvalidOperationException", posted.ErrorType);
        Assert.Contains("TOTALS_TABLE_NAME is not set", posted.Body, StringComparison.Ordinal);
        Assert.Equal(1, process.ExitCode);
    }

    // spec B.4 + C.1: a real handler process answers a batch with a malformed first order by failing that record
    [Fact]
    public async Task HandlerSample_MalformedOrder_ReportsBatchItemFailureThenStopsOnSigterm()
    {
        using var process = HandlerProcess.Start(fixture.Api.Address + "/order-totals", new Dictionary<string, string?>
        {
            ["TOTALS_TABLE_NAME"] = "CustomerTotals",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9",
        });
        try
        {
            // The AWS guide's sample has no 'customerId'/'amount': the first record is malformed for this handler.
            var posted = await fixture.Api.InvokeAsync(AwsSampleEvents.StreamRecordEvent);

            Assert.Equal("response", posted.Kind);
            Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"111"}]}""", posted.Body);

            await fixture.Api.WaitForPollAsync();
            HandlerProcess.Terminate(process);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    // spec B.4: a record the store cannot take (DynamoDB unreachable) is reported for retry, not lost
    [Fact]
    public async Task HandlerSample_StoreUnreachable_ReportsRecordForRetry()
    {
        using var process = HandlerProcess.Start(fixture.Api.Address + "/order-totals", new Dictionary<string, string?>
        {
            ["TOTALS_TABLE_NAME"] = "CustomerTotals",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9",
        });
        try
        {
            var posted = await fixture.Api.InvokeAsync("""
                {"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"500","StreamViewType":"NEW_AND_OLD_IMAGES",
                  "NewImage":{"orderId":{"S":"o1"},"customerId":{"S":"c1"},"amount":{"N":"3"}}}}]}
                """);

            Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"500"}]}""", posted.Body);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }
}
