using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using Aspire.Hosting.DynamoStreams.Cdk.Publishing;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Pipelines;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// Aspire's pipeline API is marked for evaluation in 13.6.5.
#pragma warning disable ASPIREPIPELINES001

namespace Hosting.DynamoStreams.Cdk.Tests.AwsRunMode;

public sealed class AwsRunModeModelTests : IDisposable
{
    private const string Outputs = """
        {
          "orders": {
            "TableName": "orders-ordersTable1A2B3C-XYZ",
            "TableArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders-ordersTable1A2B3C-XYZ",
            "StreamArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders-ordersTable1A2B3C-XYZ/stream/2026-11-25T03:00:00.000",
            "FunctionName": "orders-ordersFunction-abc",
            "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:orders-ordersFunction-abc",
            "DeadLetterQueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq-abc",
            "DeadLetterQueueArn": "arn:aws:sqs:eu-west-1:123456789012:orders-dlq-abc"
          }
        }
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("dynamostreams-awsrun-").FullName;

    // issue 8 (AWS run mode): a referencing project gets the deployed stack's outputs and region, and no endpoint overrides or local credentials
    [Fact]
    public async Task RunInAws_DeployedOutputsFile_ReferencingProjectGetsRealOutputs()
    {
        File.WriteAllText(Path.Combine(_work, "orders.outputs.json"), Outputs);
        var appHost = RunModeAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler()).RunInAws(aws => aws.DeployOnStart = false);
        var consumer = appHost.AddResource(new ConsumerResource("writer")).WithReference(pattern);

        var environment = await EnvironmentOf(consumer.Resource);

        Assert.Equal("orders-ordersTable1A2B3C-XYZ", environment["DynamoStreams__orders__TableName"]);
        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/orders-ordersTable1A2B3C-XYZ", environment["DynamoStreams__orders__TableArn"]);
        Assert.EndsWith("/stream/2026-11-25T03:00:00.000", environment["DynamoStreams__orders__StreamArn"], StringComparison.Ordinal);
        Assert.Equal("orders-ordersFunction-abc", environment["DynamoStreams__orders__FunctionName"]);
        Assert.Equal("https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq-abc", environment["DynamoStreams__orders__DeadLetterQueueUrl"]);
        Assert.Equal("eu-west-1", environment["AWS_REGION"]);
        Assert.Equal("eu-west-1", environment["AWS_DEFAULT_REGION"]);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal));
        Assert.False(environment.ContainsKey("AWS_ACCESS_KEY_ID"));
        Assert.False(environment.ContainsKey("AWS_PROFILE"));
    }

    // issue 8 (AWS run mode): the configured profile reaches the referencing project so its SDK uses the same account
    [Fact]
    public async Task RunInAws_ProfileConfigured_ReferencingProjectGetsProfile()
    {
        File.WriteAllText(Path.Combine(_work, "orders.outputs.json"), Outputs);
        var appHost = RunModeAppHost();
        appHost.Configuration["DynamoStreams:Aws:Profile"] = "dev";
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler()).RunInAws(aws => aws.DeployOnStart = false);
        var consumer = appHost.AddResource(new ConsumerResource("writer")).WithReference(pattern);

        var environment = await EnvironmentOf(consumer.Resource);

        Assert.Equal("dev", environment["AWS_PROFILE"]);
    }

    // issue 8 (AWS run mode): none of the pattern's local parts stay in the model
    [Fact]
    public void RunInAws_RunMode_RemovesTheLocalParts()
    {
        var appHost = RunModeAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler());
        Assert.Contains(appHost.Resources, r => r.Name == "orders-function");

        pattern.RunInAws();

        Assert.DoesNotContain(appHost.Resources, r => r.Name is "orders-table" or "orders-mapping" or "orders-dlq" or "orders-function");
        Assert.Null(pattern.Resource.TableResource);
        Assert.DoesNotContain(pattern.Resource.Annotations.OfType<HealthCheckAnnotation>(), a => a.Key == "orders_check");
        Assert.Contains(pattern.Resource.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == DynamoStreamsAwsCommands.Deploy);
    }

    // issue 8 (AWS run mode, local handler): the handler and the runtime host stay, the table, mapping, queue and emulator leave
    [Fact]
    public async Task RunInAws_LocalHandler_KeepsOnlyTheHandlerAndRuntimeHost()
    {
        var appHost = RunModeAppHost();
        // Aspire names the kept executable's DCP instance at BeforeStart; no DCP is started here.
        appHost.Configuration["DcpPublisher:CliPath"] = "dcp-not-started";
        appHost.Configuration["DcpPublisher:DashboardPath"] = "dashboard-not-started";
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler());

        pattern.RunInAws(aws => aws.LocalHandler = true);
        await using var app = appHost.Build();
        await PublishBeforeStartAsync(app);

        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.Contains(model.Resources, r => r.Name == "orders-function");
        Assert.Same(pattern.Resource.FunctionResource, model.Resources.Single(r => r.Name == "orders-function"));
        Assert.Single(model.Resources.OfType<LambdaRuntimeHostResource>());
        Assert.DoesNotContain(model.Resources, r => r.Name is "orders-table" or "orders-mapping" or "orders-dlq" || r is DynamoStreamsEmulatorResource);
        Assert.True(CloudMappingDisabledAnnotation.IsSet(pattern.Resource));
    }

    // issue 8 (AWS run mode, local handler): configuration turns it on; without it the cloud mapping stays enabled and no handler is kept
    [Theory]
    [InlineData("true", true)]
    [InlineData(null, false)]
    public void RunInAws_LocalHandlerFromConfiguration_DisablesCloudMappingOnlyWhenOn(string? value, bool expected)
    {
        var appHost = RunModeAppHost();
        appHost.Configuration["DynamoStreams:Aws:LocalHandler"] = value;
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler());

        pattern.RunInAws();

        Assert.Equal(expected, CloudMappingDisabledAnnotation.IsSet(pattern.Resource));
        Assert.Equal(expected, pattern.Resource.FunctionResource is not null);
    }

    // issue 8 (AWS run mode, local handler): turning it on after RunInAws() fails at start saying where to set it
    [Fact]
    public async Task RunInAws_LocalHandlerSetAfterRunInAws_FailsAtStartSayingWhereToSetIt()
    {
        var appHost = RunModeAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler()).RunInAws();

        pattern.WithAwsDeployment(aws => aws.LocalHandler = true);
        await using var app = appHost.Build();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => PublishBeforeStartAsync(app));
        Assert.Contains("LocalHandler was turned on after RunInAws() was called", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RunInAws(aws => aws.LocalHandler = true)", ex.Message, StringComparison.Ordinal);
    }

    // issue 8 (deploy): a run gets the dashboard commands; the destroy confirmation says the table is retained
    [Fact]
    public void WithAwsDeployment_RunMode_AddsDeployAndDestroyCommands()
    {
        var appHost = RunModeAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler()).WithAwsDeployment();

        var commands = pattern.Resource.Annotations.OfType<ResourceCommandAnnotation>().ToDictionary(c => c.Name);

        Assert.Equal("Deploy to AWS", commands[DynamoStreamsAwsCommands.Deploy].DisplayName);
        Assert.Equal("Destroy", commands[DynamoStreamsAwsCommands.Destroy].DisplayName);
        Assert.Contains("RETAINED", commands[DynamoStreamsAwsCommands.Destroy].ConfirmationMessage, StringComparison.Ordinal);
        Assert.Contains("remains in the account", commands[DynamoStreamsAwsCommands.Destroy].ConfirmationMessage, StringComparison.Ordinal);
        Assert.Contains(appHost.Resources, r => r.Name == "orders-table");
    }

    // issue 8 (deploy): publish mode gets the aspire deploy/destroy pipeline steps (after the publish step when AddDynamoStreamsCloud is used)
    [Fact]
    public async Task WithAwsDeployment_PublishMode_AddsDeployAndDestroySteps()
    {
        var appHost = Declarations.NewAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler()).WithAwsDeployment();
        appHost.AddDynamoStreamsCloud();

        var steps = await StepsAsync(appHost, pattern.Resource);

        var deploy = steps.Single(s => s.Name == "dynamostreams-deploy-orders");
        Assert.Equal([WellKnownPipelineSteps.DeployPrereq, DynamoStreamsCloudResource.PublishStepName], deploy.DependsOnSteps);
        Assert.Equal([WellKnownPipelineSteps.Deploy], deploy.RequiredBySteps);
        var destroy = steps.Single(s => s.Name == "dynamostreams-destroy-orders");
        Assert.Equal([WellKnownPipelineSteps.Destroy], destroy.RequiredBySteps);
        Assert.DoesNotContain(pattern.Resource.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == DynamoStreamsAwsCommands.Deploy);
    }

    // issue 8 (deploy): without AddDynamoStreamsCloud the deploy step publishes the stack itself (no dependency on a missing step)
    [Fact]
    public async Task WithAwsDeployment_PublishModeWithoutCloudResource_DependsOnlyOnDeployPrereq()
    {
        var appHost = Declarations.NewAppHost();
        var pattern = appHost.AddDynamoStreamsLambda(Declarations.PatternName, NodeHandler()).WithAwsDeployment();

        var steps = await StepsAsync(appHost, pattern.Resource);

        Assert.Equal([WellKnownPipelineSteps.DeployPrereq], steps.Single(s => s.Name == "dynamostreams-deploy-orders").DependsOnSteps);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    // Evaluates the environment callbacks as a run would, without starting the AppHost (the replacement,
    // ExecutionConfigurationBuilder, needs a built application's services).
#pragma warning disable CS0618
    private static ValueTask<Dictionary<string, string>> EnvironmentOf(IResourceWithEnvironment resource) =>
        resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);
#pragma warning restore CS0618

    private static async Task<List<PipelineStep>> StepsAsync(IDistributedApplicationBuilder appHost, IResource resource)
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var context = new PipelineContext(new DistributedApplicationModel(appHost.Resources), appHost.ExecutionContext, services, NullLogger.Instance, CancellationToken.None);
        var steps = new List<PipelineStep>();
        foreach (var annotation in resource.Annotations.OfType<PipelineStepAnnotation>())
        {
            steps.AddRange(await annotation.CreateStepsAsync(new PipelineStepFactoryContext { PipelineContext = context, Resource = resource }));
        }

        return steps;
    }

    private static async Task PublishBeforeStartAsync(DistributedApplication app)
    {
        await AppHostEvents.SubscribeOnceAsync(app);
        await app.Services.GetRequiredService<IDistributedApplicationEventing>().PublishAsync(
            new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>()));
    }

    private static LambdaHandler NodeHandler() => LambdaHandler.FromNodeCode(Declarations.NodeDirectory, "index.handler", "nodejs24.x");

    private IDistributedApplicationBuilder RunModeAppHost()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, Args = [] });
        builder.Configuration["DynamoStreams:Aws:WorkingDirectory"] = _work;
        builder.Configuration["AWS_REGION"] = null;
        builder.Configuration["AWS_PROFILE"] = null;
        return builder;
    }

    private sealed class ConsumerResource(string name) : Resource(name), IResourceWithEnvironment;
}
