using DynamoStreams.Lambda.Tests.Runtime;
using DynamoStreams.LocalLambda.Processes;

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
        await PublishedSampleHandler.AssertServesSampleEventsAsync(
            fixture, "bootstrap", new DotNetExecutableRunner(bootstrap.BootstrapPath, new DotNetExecutableRunnerOptions { Handler = "bootstrap" }));
    }
}
