using System.Text;
using DynamoStreams.Lambda.Tests.DynamoDBEvents;
using DynamoStreams.Lambda.Tests.Runtime;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.Lambda.Tests.Deploy;

/// <summary>Checks that a published build of Handler.Sample serves AWS's sample events from the Runtime API host.</summary>
internal static class PublishedSampleHandler
{
    /// <summary>
    /// Registers the published handler under <paramref name="name"/> and invokes it with the stream-record event (one
    /// malformed record, reported as a batch item failure) and the tumbling-window event.
    /// </summary>
    public static async Task AssertServesSampleEventsAsync(RuntimeApiFixture fixture, string name, DotNetExecutableRunner runner)
    {
        var function = await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions
            {
                Name = name,
                Timeout = TimeSpan.FromSeconds(30),
                Environment = new Dictionary<string, string> { ["TOTALS_TABLE_NAME"] = "CustomerTotals", ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9" },
            },
            runner,
            CancellationToken.None);

        var first = await fixture.InvokeAsync(function, AwsSampleEvents.StreamRecordEvent);
        var second = await fixture.InvokeAsync(function, AwsSampleEvents.TimeWindowEvent);

        Assert.True(first.IsSuccess, first.Error?.ErrorMessage);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"111"}]}""", Encoding.UTF8.GetString(first.Payload.Span));
        Assert.True(second.IsSuccess, second.Error?.ErrorMessage);
    }
}
