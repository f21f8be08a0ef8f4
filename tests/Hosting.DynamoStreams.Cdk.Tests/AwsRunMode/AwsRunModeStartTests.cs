using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Hosting.DynamoStreams.Cdk.Tests.Deployment;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hosting.DynamoStreams.Cdk.Tests.AwsRunMode;

/// <summary>
/// Starts the AWS run mode of a pattern the way a run does (the pattern's InitializeResourceEvent) in a built AppHost:
/// the stack is published and deployed with the CDK CLI (a stand-in, since a deploy needs an AWS account), and the
/// referencing project's environment comes from the deploy's outputs.
/// </summary>
public sealed class AwsRunModeStartTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("dynamostreams-awsstart-").FullName;

    // issue 8 (AWS run mode): at start the stack is deployed, the pattern runs with the outputs, and the referencing project gets them
    [Fact]
    public async Task Start_DeploySucceeds_PatternRunningAndProjectGetsDeployedOutputs()
    {
        await using var app = Build("succeeds", out var pattern, out var consumer);

        await InitializeAsync(app, pattern);

        var snapshot = Snapshot(app, pattern);
        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        Assert.Equal("orders-ordersDynamoTable-ABC123", snapshot.Properties.Single(p => p.Name == "dynamostreams.aws.tableName").Value);
        var environment = await EnvironmentOf(consumer);
        Assert.Equal("orders-ordersDynamoTable-ABC123", environment["DynamoStreams__orders__TableName"]);
        Assert.Equal("eu-central-1", environment["AWS_REGION"]);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_work, "orders.outputs.json")));
    }

    // issue 8 (AWS run mode): a failed deploy ends in FailedToStart (WaitFor stops) with the named reason, and the referencing project fails with it
    [Fact]
    public async Task Start_NotBootstrapped_FailedToStartAndProjectEnvironmentFailsWithReason()
    {
        await using var app = Build("not-bootstrapped", out var pattern, out var consumer);

        await InitializeAsync(app, pattern);

        var snapshot = Snapshot(app, pattern);
        Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State?.Text);
        Assert.Contains("Not bootstrapped", snapshot.Properties.Single(p => p.Name == "dynamostreams.aws.failure").Value?.ToString(), StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<DistributedApplicationException>(async () => await EnvironmentOf(consumer));
        Assert.Contains("could not be deployed to AWS (Not bootstrapped)", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private DistributedApplication Build(string standIn, out DynamoStreamsLambdaResource pattern, out IResourceWithEnvironment consumer)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, Args = [] });
        builder.Configuration["DynamoStreams:Aws:WorkingDirectory"] = _work;
        builder.Configuration["DynamoStreams:Aws:CdkCli"] = DeployCommandFixture.StandIn(standIn);
        builder.Configuration["DynamoStreams:Aws:Region"] = "eu-central-1";
        builder.Configuration["DynamoStreams:Aws:Profile"] = null;
        var orders = builder.AddDynamoStreamsLambda(Declarations.PatternName, LambdaHandler.FromNodeCode(Declarations.NodeDirectory, "index.handler", "nodejs24.x")).RunInAws();
        consumer = builder.AddResource(new ConsumerResource("writer")).WithReference(orders).Resource;
        pattern = orders.Resource;
        return builder.Build();
    }

    private static async Task InitializeAsync(DistributedApplication app, DynamoStreamsLambdaResource pattern)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var services = app.Services;
        var eventing = services.GetRequiredService<IDistributedApplicationEventing>();
        await eventing.PublishAsync(new InitializeResourceEvent(pattern, eventing, services.GetRequiredService<ResourceLoggerService>(),
            services.GetRequiredService<ResourceNotificationService>(), services), cts.Token);
    }

    private static CustomResourceSnapshot Snapshot(DistributedApplication app, IResource resource)
    {
        Assert.True(app.Services.GetRequiredService<ResourceNotificationService>().TryGetCurrentState(resource.Name, out var resourceEvent));
        return resourceEvent.Snapshot;
    }

    // Evaluates the environment callbacks as a run would (the replacement, ExecutionConfigurationBuilder, needs DCP's context).
#pragma warning disable CS0618
    private static async Task<Dictionary<string, string>> EnvironmentOf(IResourceWithEnvironment resource) =>
        await resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);
#pragma warning restore CS0618

    private sealed class ConsumerResource(string name) : Resource(name), IResourceWithEnvironment;
}
