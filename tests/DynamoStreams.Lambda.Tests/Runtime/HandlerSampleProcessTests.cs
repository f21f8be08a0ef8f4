using System.Text;
using DynamoStreams.Lambda.Tests.DynamoDBEvents;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.Lambda.Tests.Runtime;

/// <summary>
/// src/Handler.Sample as a real process behind the real Runtime API host.
/// </summary>
public sealed class HandlerSampleProcessTests(RuntimeApiFixture fixture) : IClassFixture<RuntimeApiFixture>
{
    // spec C.1, C.5 #7: a missing setting fails initialization: /runtime/init/error, a non-zero exit, the invoke fails with it
    [Fact]
    public async Task HandlerSample_NoTotalsTable_ReportsInitErrorAndExitsNonZero()
    {
        var function = await fixture.RegisterAsync("sample-init");
        using var process = HandlerProcess.Start(HandlerProcess.SampleAssembly, function.RuntimeApiAddress, new Dictionary<string, string?> { ["TOTALS_TABLE_NAME"] = null });

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var result = await fixture.InvokeAsync(function, AwsSampleEvents.StreamRecordEvent);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(FunctionErrorKind.InitError, result.Error!.Kind);
        Assert.Contains("TOTALS_TABLE_NAME is not set", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    // spec B.4, C.1: the sample fails a malformed first order as a batch item; SIGTERM then ends the process with 0
    [Fact]
    public async Task HandlerSample_MalformedOrder_ReportsBatchItemFailureThenStopsOnSigterm()
    {
        var function = await fixture.RegisterAsync("sample-sigterm");
        using var process = HandlerProcess.Start(HandlerProcess.SampleAssembly, function.RuntimeApiAddress, new Dictionary<string, string?>
        {
            ["TOTALS_TABLE_NAME"] = "CustomerTotals",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9",
        });
        try
        {
            // The AWS guide's sample has no 'customerId'/'amount': its first record is malformed for this handler.
            var result = await fixture.InvokeAsync(function, AwsSampleEvents.StreamRecordEvent);
            await Until(() => function.WaitingRuntimes == 1);
            HandlerProcess.Terminate(process);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

            Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
            Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"111"}]}""", Encoding.UTF8.GetString(result.Payload.Span));
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

    // spec B.4, C.2: run by the host's .NET runner, a record the store cannot take is reported for retry, not lost
    [Fact]
    public async Task HandlerSample_UnderDotNetRunner_StoreUnreachable_ReportsRecordForRetry()
    {
        var function = await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions
            {
                Name = "sample-runner",
                Timeout = TimeSpan.FromSeconds(30),
                Environment = new Dictionary<string, string>
                {
                    ["TOTALS_TABLE_NAME"] = "CustomerTotals",
                    ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9",
                    ["AWS_MAX_ATTEMPTS"] = "1",
                },
            },
            new DotNetExecutableRunner(HandlerProcess.SampleAssembly),
            CancellationToken.None);

        var result = await fixture.InvokeAsync(function, """
            {"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"500","StreamViewType":"NEW_AND_OLD_IMAGES",
              "NewImage":{"orderId":{"S":"o1"},"customerId":{"S":"c1"},"amount":{"N":"3"}}}}]}
            """);

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"500"}]}""", Encoding.UTF8.GetString(result.Payload.Span));
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
