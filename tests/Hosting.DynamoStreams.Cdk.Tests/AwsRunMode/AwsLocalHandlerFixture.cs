using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local;
using Aspire.Hosting.DynamoStreams.Local.Lambda;
using Aspire.Hosting.Eventing;
using DynamoStreams.Emulator.Hosting;
using Hosting.DynamoStreams.Cdk.Tests.Deployment;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hosting.DynamoStreams.Cdk.Tests.AwsRunMode;

/// <summary>
/// A real emulator stands in for AWS (reached through AWS_ENDPOINT_URL_DYNAMODB_STREAMS / AWS_ENDPOINT_URL_SQS), holding
/// the table, stream and queue the stand-in CDK CLI's outputs name. The AppHost runs the pattern with
/// <c>RunInAws(aws =&gt; aws.LocalHandler = true)</c>: the pattern and runtime host start through their
/// InitializeResourceEvent, and the handler's Node.js process is started with the command, arguments and environment
/// the AppHost gives its function resource (the orchestrator's part, done here so the test needs no DCP).
/// </summary>
public sealed class AwsLocalHandlerFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";

    private Process? _handler;

    public string Work { get; } = Directory.CreateTempSubdirectory("dynamostreams-awslocal-").FullName;

    public string MarkerFile => Path.Combine(Work, "received.jsonl");

    public DynamoEmulator Emulator { get; private set; } = null!;

    public AmazonDynamoDBClient Dynamo { get; private set; } = null!;

    public string TableName { get; } = "orders-ordersDynamoTable-LOCAL1";

    public string StreamArn { get; private set; } = null!;

    public string QueueArn { get; private set; } = null!;

    public string TableArn { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public DynamoStreamsLambdaResource Pattern { get; private set; } = null!;

    public Dictionary<string, string> HandlerEnvironment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { Region = Region, TableStatusDelay = TimeSpan.Zero }, cts.Token);
        Dynamo = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = Emulator.Endpoint.ToString(), AuthenticationRegion = Region });
        var table = await Dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = TableName,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        }, cts.Token);
        StreamArn = table.TableDescription.LatestStreamArn;
        QueueArn = await Emulator.Queues.CreateQueueAsync(Region, "orders-ordersSqsDlqQueue-LOCAL1", cancellationToken: cts.Token);
        TableArn = table.TableDescription.TableArn;
        WriteStandInOutputs(Work);

        App = Build(Work, configure: null);
        Pattern = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<DynamoStreamsLambdaResource>().Single();
        var runtimeHost = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LambdaRuntimeHostResource>().Single();
        await InitializeAsync(App, runtimeHost, cts.Token);
        await InitializeAsync(App, Pattern, cts.Token);

        var function = (ExecutableResource)Pattern.FunctionResource!;
        HandlerEnvironment = await EnvironmentOf(function);
        _handler = StartHandler(function, await ArgumentsOf(function), HandlerEnvironment);
    }

    /// <summary>Builds a run-mode AppHost whose "AWS" is the emulator and whose CDK CLI writes the test's outputs.</summary>
    public DistributedApplication Build(string work, Action<IDistributedApplicationBuilder>? configure)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, Args = [] });
        builder.Configuration["DynamoStreams:Aws:WorkingDirectory"] = work;
        builder.Configuration["DynamoStreams:Aws:CdkCli"] = DeployCommandFixture.StandIn("outputs-from-file");
        builder.Configuration["DynamoStreams:Aws:Region"] = Region;
        builder.Configuration["DynamoStreams:Aws:Profile"] = null;
        builder.Configuration["AWS_PROFILE"] = null;
        builder.Configuration["AWS_ENDPOINT_URL_DYNAMODB_STREAMS"] = Emulator.Endpoint.ToString();
        builder.Configuration["AWS_ENDPOINT_URL_SQS"] = Emulator.Endpoint.ToString();
        builder.Configuration["AWS_ACCESS_KEY_ID"] = "developer-key";
        builder.Configuration["AWS_SECRET_ACCESS_KEY"] = "developer-secret";
        configure?.Invoke(builder);
        builder.AddDynamoStreamsLambda("orders", LambdaHandler.FromNodeCode(Path.Combine(AppContext.BaseDirectory, "Assets", "node-stream-handler"), "index.handler", "nodejs24.x"))
            .WithEventSource(e =>
            {
                e.BatchSize = 1;
                e.RetryAttempts = 0;
                e.BisectBatchOnError = false;
                e.StartingPosition = DynamoStartingPosition.TrimHorizon;
            })
            .WithFunctionEnvironment("MARKER_FILE", MarkerFile)
            .RunInAws(aws => aws.LocalHandler = true);
        return builder.Build();
    }

    public void WriteStandInOutputs(string work) =>
        File.WriteAllText(Path.Combine(work, "standin-outputs.json"), JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["TableName"] = TableName,
            ["TableArn"] = TableArn,
            ["StreamArn"] = StreamArn,
            ["FunctionName"] = "orders-ordersLambdaFunction-LOCAL1",
            ["FunctionArn"] = $"arn:aws:lambda:{Region}:000000000000:function:orders-ordersLambdaFunction-LOCAL1",
            ["DeadLetterQueueUrl"] = $"{Emulator.Endpoint}000000000000/orders-ordersSqsDlqQueue-LOCAL1",
            ["DeadLetterQueueArn"] = QueueArn,
        }));

    public static async Task InitializeAsync(DistributedApplication app, IResource resource, CancellationToken cancellationToken)
    {
        await AppHostEvents.SubscribeOnceAsync(app);
        var services = app.Services;
        var eventing = services.GetRequiredService<IDistributedApplicationEventing>();
        await eventing.PublishAsync(new InitializeResourceEvent(resource, eventing, services.GetRequiredService<ResourceLoggerService>(),
            services.GetRequiredService<ResourceNotificationService>(), services), cancellationToken);
    }

    // Evaluates the callbacks as a run would (the replacement, ExecutionConfigurationBuilder, needs DCP's context).
#pragma warning disable CS0618
    public static async Task<Dictionary<string, string>> EnvironmentOf(IResourceWithEnvironment resource) =>
        await resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);

    private static async Task<string[]> ArgumentsOf(IResourceWithArgs resource) =>
        await resource.GetArgumentValuesAsync(DistributedApplicationOperation.Run);
#pragma warning restore CS0618

    private static Process StartHandler(ExecutableResource function, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(function.Command) { WorkingDirectory = function.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public async Task DisposeAsync()
    {
        if (_handler is { HasExited: false })
        {
            _handler.Kill(entireProcessTree: true);
            await _handler.WaitForExitAsync();
        }

        _handler?.Dispose();
        if (App is not null)
        {
            // The app was never started (no DCP, so its hosted services cannot even be resolved): stop the local run's
            // parts (engine and runtime host, then the emulator side) the way LocalRunShutdown does.
            await App.Services.GetRequiredService<LocalLambdaRun>().DisposeAsync();
            await App.Services.GetRequiredService<DynamoStreamsLocalRun>().DisposeAsync();

            await App.DisposeAsync();
        }

        Dynamo?.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        Directory.Delete(Work, recursive: true);
    }
}
