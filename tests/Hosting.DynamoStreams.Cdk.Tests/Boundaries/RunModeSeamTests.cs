using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

namespace Hosting.DynamoStreams.Cdk.Tests.Boundaries;

/// <summary>
/// A run mode other than AWS, written against the public seam only, as a third party would write one.
/// </summary>
public sealed class RunModeSeamTests
{
    // issue 17 (public run-mode seam): RunElsewhere takes the pattern's table, mapping and queue out of the local run, and referencing projects get the run mode's settings
    [Fact]
    public async Task RunElsewhere_PatternLeavesLocalRun_ReferencingProjectGetsRunModeEnvironment()
    {
        var appHost = RunModeAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, LambdaHandler.FromNodeCode(Declarations.NodeDirectory, "index.handler", "nodejs24.x"));
        var consumer = appHost.AddResource(new ConsumerResource("writer")).WithReference(pattern);

        DynamoStreamsRunModes.RunElsewhere(appHost, pattern.Resource, new ExternalRun("a staging account", (environment, _) =>
        {
            environment["DynamoStreams__orders__TableName"] = "orders-staging";
            return Task.CompletedTask;
        }));

        Assert.True(DynamoStreamsRunModes.RunsElsewhere(pattern.Resource));
        Assert.Null(pattern.Resource.TableResource);
        Assert.Null(pattern.Resource.MappingResource);
        Assert.Null(pattern.Resource.FunctionResource);
        Assert.DoesNotContain(appHost.Resources, r => r is DynamoStreamsTableResource or DynamoStreamsMappingResource);
#pragma warning disable CS0618 // the resolved environment of a resource, as the orchestrator would see it
        var environment = await consumer.Resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);
#pragma warning restore CS0618
        Assert.Equal("orders-staging", environment["DynamoStreams__orders__TableName"]);
    }

    // issue 17 (public run-mode seam): KeepsHandler keeps the function resource in the run for StartLocalHandlerAsync to feed
    [Fact]
    public void RunElsewhere_KeepsHandler_FunctionStaysTableLeaves()
    {
        var appHost = RunModeAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, LambdaHandler.FromNodeCode(Declarations.NodeDirectory, "index.handler", "nodejs24.x"));

        DynamoStreamsRunModes.RunElsewhere(appHost, pattern.Resource, new ExternalRun("a staging account", (_, _) => Task.CompletedTask) { KeepsHandler = true });

        Assert.NotNull(pattern.Resource.FunctionResource);
        Assert.Contains(appHost.Resources, r => r == pattern.Resource.FunctionResource);
        Assert.Null(pattern.Resource.TableResource);
    }

    // issue 17 (public run-mode seam): a run mode reports bad declarations in the AppHost's own words
    [Fact]
    public void ConfigurationError_NamesPatternAndProblem()
    {
        var appHost = RunModeAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, LambdaHandler.FromNodeCode(Declarations.NodeDirectory, "index.handler", "nodejs24.x"));

        var error = DynamoStreamsRunModes.ConfigurationError(pattern.Resource, "the staging account is not configured: set Staging:Account.");

        Assert.Equal("DynamoStreams pattern 'orders': the staging account is not configured: set Staging:Account.", error.Message);
    }

    private static IDistributedApplicationBuilder RunModeAppHost() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, Args = [] });

    private sealed class ConsumerResource(string name) : Resource(name), IResourceWithEnvironment;
}
