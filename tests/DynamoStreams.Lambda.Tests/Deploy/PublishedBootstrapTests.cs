using System.Text;
using DynamoStreams.Lambda.Tests.DynamoDBEvents;
using DynamoStreams.Lambda.Tests.Runtime;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.Lambda.Tests.Deploy;

[Collection(PublishCollection.Name)]
public sealed class PublishedBootstrapTests(PublishedBootstrapFixture bootstrap, RuntimeApiFixture fixture)
    : IClassFixture<PublishedBootstrapFixture>, IClassFixture<RuntimeApiFixture>
{
    // spec C.4: provided.al2023 runs an executable named bootstrap; the published one serves invocations from the host
    // (self-contained by default; LAMBDA_BOOTSTRAP=<path> checks another, e.g. the Native AOT publish)
    [Fact]
    public async Task SelfContainedBootstrap_UnderRuntimeApiHost_ServesInvocations()
    {
        var function = await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions
            {
                Name = "bootstrap",
                Timeout = TimeSpan.FromSeconds(30),
                Environment = new Dictionary<string, string> { ["TOTALS_TABLE_NAME"] = "CustomerTotals", ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9" },
            },
            new DotNetExecutableRunner(bootstrap.BootstrapPath, new DotNetExecutableRunnerOptions { Handler = "bootstrap" }),
            CancellationToken.None);

        var first = await fixture.InvokeAsync(function, AwsSampleEvents.StreamRecordEvent);
        var second = await fixture.InvokeAsync(function, AwsSampleEvents.TimeWindowEvent);

        Assert.True(first.IsSuccess, first.Error?.ErrorMessage);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"111"}]}""", Encoding.UTF8.GetString(first.Payload.Span));
        Assert.True(second.IsSuccess, second.Error?.ErrorMessage);
    }
}
