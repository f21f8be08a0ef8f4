using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using Microsoft.Extensions.DependencyInjection;

namespace Hosting.DynamoStreams.Cdk.Tests.AwsRunMode;

/// <summary>
/// The AWS run mode's local handler (<c>RunInAws(aws =&gt; aws.LocalHandler = true)</c>) against an emulator acting as
/// AWS: the real handler process gets the stack's records through the local mapping engine reading the "real" stream,
/// a failing record lands in the "real" dead-letter queue, and the deployed stack's mapping is disabled.
/// </summary>
public sealed class AwsLocalHandlerTests(AwsLocalHandlerFixture fixture) : IClassFixture<AwsLocalHandlerFixture>
{
    // issue 8 (AWS run mode, local handler): a write to the table reaches the local handler process through the real stream (spec B.1 record shape, B.8 delivery)
    [Fact]
    public async Task LocalHandler_WriteToAwsTable_ReachesLocalHandlerProcess()
    {
        await fixture.Dynamo.PutItemAsync(fixture.TableName, new Dictionary<string, AttributeValue> { ["pk"] = new("ok-1") });

        var received = await WaitForRecordAsync("ok-1");

        Assert.Equal(fixture.StreamArn, received["arn"]!.GetValue<string>());
        Assert.Equal(AwsLocalHandlerFixture.Region, received["region"]!.GetValue<string>());
        var snapshot = Snapshot(fixture.App, fixture.Pattern);
        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        Assert.Equal("Enabled", snapshot.Properties.Single(p => p.Name == "dynamostreams.aws.localMappingState").Value);
    }

    // issue 8 (AWS run mode, local handler): retries exhausted → the B.6 document goes to the stack's real dead-letter queue (spec B.6, B.8 #6)
    [Fact]
    public async Task LocalHandler_FailingRecord_LandsInAwsDeadLetterQueueWithB6Document()
    {
        await fixture.Dynamo.PutItemAsync(fixture.TableName, new Dictionary<string, AttributeValue> { ["pk"] = new("bad-1"), ["fail"] = new() { BOOL = true } });

        var messages = await fixture.Emulator.Queues.ReceiveMessagesAsync(fixture.QueueArn, 1, TimeSpan.FromSeconds(20));

        using var document = JsonDocument.Parse(Assert.Single(messages).Body);
        var root = document.RootElement;
        Assert.Equal("RetryAttemptsExhausted", root.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal("Unhandled", root.GetProperty("responseContext").GetProperty("functionError").GetString());
        var info = root.GetProperty("DDBStreamBatchInfo");
        Assert.Equal(fixture.StreamArn, info.GetProperty("streamArn").GetString());
        Assert.Equal(1, info.GetProperty("batchSize").GetInt32());
        await WaitForRecordAsync("bad-1");
    }

    // issue 8 (AWS run mode, local handler) with spec B.1's enable/disable: paused, the local mapping reads nothing; resumed,
    // the record written meanwhile arrives from the checkpoint
    [Fact]
    public async Task PauseThenResumeCommands_RecordWrittenWhilePaused_ArrivesAfterResume()
    {
        var paused = await ExecuteAsync(DynamoStreamsAwsCommands.PauseLocalHandler);
        Assert.True(paused.Success, paused.Message);
        try
        {
            Assert.Equal("Disabled", LocalMappingState());
            Assert.Equal(ResourceCommandState.Disabled, CommandState(DynamoStreamsAwsCommands.PauseLocalHandler));
            Assert.Equal(ResourceCommandState.Enabled, CommandState(DynamoStreamsAwsCommands.ResumeLocalHandler));
            await fixture.Dynamo.PutItemAsync(fixture.TableName, new Dictionary<string, AttributeValue> { ["pk"] = new("paused-1") });
        }
        finally
        {
            var resumed = await ExecuteAsync(DynamoStreamsAwsCommands.ResumeLocalHandler);
            Assert.True(resumed.Success, resumed.Message);
        }

        Assert.Equal("Enabled", LocalMappingState());
        await WaitForRecordAsync("paused-1");
    }

    // issue 8 (AWS run mode, local handler): replay forgets the local checkpoints and delivers the real stream's records again
    [Fact]
    public async Task ReplayRealStreamCommand_DeliveredRecord_IsDeliveredAgain()
    {
        await fixture.Dynamo.PutItemAsync(fixture.TableName, new Dictionary<string, AttributeValue> { ["pk"] = new("replay-1") });
        await WaitForRecordAsync("replay-1");

        var replayed = await ExecuteAsync(DynamoStreamsAwsCommands.ReplayRealStream);

        Assert.True(replayed.Success, replayed.Message);
        await WaitForRecordAsync("replay-1", times: 2);
    }

    // issue 8 (AWS run mode, local handler): the handler gets the real outputs, no endpoint overrides and no placeholder credentials
    [Fact]
    public void LocalHandler_HandlerEnvironment_RealOutputsWithoutEndpointsOrLocalCredentials()
    {
        var environment = fixture.HandlerEnvironment;

        Assert.Equal(fixture.TableName, environment["DynamoStreams__orders__TableName"]);
        Assert.Equal(fixture.StreamArn, environment["DynamoStreams__orders__StreamArn"]);
        Assert.Equal(fixture.QueueArn, environment["DynamoStreams__orders__DeadLetterQueueArn"]);
        Assert.Equal(AwsLocalHandlerFixture.Region, environment["AWS_REGION"]);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API", environment.Keys);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal));
        Assert.DoesNotContain("AWS_ACCESS_KEY_ID", environment.Keys);
        Assert.DoesNotContain("AWS_SESSION_TOKEN", environment.Keys);
    }

    // issue 8 (AWS run mode, local handler): the deployed stack's mapping is created disabled, and only that differs from the stack without the option
    [Fact]
    public void Template_LocalHandlerOnAndOff_OnlyTheMappingsEnabledDiffers()
    {
        var deployed = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Work, "orders.cdk.out", "orders.template.json")))!;
        Assert.False(Mapping(deployed)["Properties"]!["Enabled"]!.GetValue<bool>());

        var on = TemplateOf(aws => aws.LocalHandler = true);
        var off = TemplateOf(configure: null);

        Assert.False(Mapping(on)["Properties"]!["Enabled"]!.GetValue<bool>());
        Assert.Null(Mapping(off)["Properties"]!["Enabled"]);
        Mapping(on)["Properties"]!.AsObject().Remove("Enabled");
        Assert.Equal(off.ToJsonString(), on.ToJsonString());
    }

    // issue 8 (AWS run mode, local handler): no credentials resolve → the pattern fails to start with the named reason, and the handler's environment fails with it
    [Fact]
    public async Task LocalHandler_ProfileNotFound_FailedToStartWithNoAwsCredentials()
    {
        var work = Directory.CreateTempSubdirectory("dynamostreams-awslocal-nocreds-").FullName;
        try
        {
            fixture.WriteStandInOutputs(work);
            var credentialsFile = Path.Combine(work, "credentials");
            File.WriteAllText(credentialsFile, "[other]\naws_access_key_id = a\naws_secret_access_key = b\n");
            await using var app = fixture.Build(work, builder =>
            {
                builder.Configuration["DynamoStreams:Aws:Profile"] = "no-such-profile";
                builder.Configuration["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile;
            });
            var pattern = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<DynamoStreamsLambdaResource>().Single();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));

            await AwsLocalHandlerFixture.InitializeAsync(app, pattern, cts.Token);

            var snapshot = Snapshot(app, pattern);
            Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State?.Text);
            var failure = snapshot.Properties.Single(p => p.Name == "dynamostreams.aws.failure").Value?.ToString();
            Assert.StartsWith("No AWS credentials:", failure, StringComparison.Ordinal);
            Assert.Contains("profile 'no-such-profile'", failure, StringComparison.Ordinal);
            Assert.Contains("aws configure --profile no-such-profile", failure, StringComparison.Ordinal);
            var ex = await Assert.ThrowsAsync<DistributedApplicationException>(() => AwsLocalHandlerFixture.EnvironmentOf((IResourceWithEnvironment)pattern.FunctionResource!));
            Assert.StartsWith("No AWS credentials:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<JsonNode> WaitForRecordAsync(string pk, int times = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var lines = File.Exists(fixture.MarkerFile) ? await File.ReadAllLinesAsync(fixture.MarkerFile) : [];
            var found = lines.Select(l => JsonNode.Parse(l)!).Where(n => n["pk"]!.GetValue<string>() == pk).ToList();
            if (found.Count >= times)
            {
                return found[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"the local handler did not receive '{pk}' {times} time(s) within 30 s");
            await Task.Delay(20);
        }
    }

    private async Task<ExecuteCommandResult> ExecuteAsync(string command)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var annotation = fixture.Pattern.Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == command);
        Assert.Equal(ResourceCommandState.Enabled, CommandState(command));
        return await annotation.ExecuteCommand(new ExecuteCommandContext
        {
            Services = fixture.App.Services,
            Arguments = null!,
            ResourceName = fixture.Pattern.Name,
            CancellationToken = cts.Token,
            Logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
        });
    }

    private ResourceCommandState CommandState(string command)
    {
        var annotation = fixture.Pattern.Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == command);
        return annotation.UpdateState(new UpdateCommandStateContext { ResourceSnapshot = Snapshot(fixture.App, fixture.Pattern), Services = fixture.App.Services });
    }

    private string? LocalMappingState() =>
        Snapshot(fixture.App, fixture.Pattern).Properties.Single(p => p.Name == "dynamostreams.aws.localMappingState").Value?.ToString();

    private static JsonNode TemplateOf(Action<Aspire.Hosting.DynamoStreams.Cdk.Deployment.DynamoStreamsAwsOptions>? configure)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, Args = [] });
        var pattern = builder.AddDynamoStreamsLambda("orders", LambdaHandler.FromNodeCode(Path.Combine(AppContext.BaseDirectory, "Assets", "node-stream-handler"), "index.handler", "nodejs24.x"))
            .RunInAws(configure);
        var stack = DynamoStreamsStackBuilder.Build(Directory.CreateTempSubdirectory("dynamostreams-awslocal-synth-").FullName, pattern.Resource);
        return JsonNode.Parse(JsonSerializer.Serialize(Template.FromStack(stack).ToJSON()))!;
    }

    private static JsonNode Mapping(JsonNode template) =>
        template["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::EventSourceMapping").Value!;

    private static CustomResourceSnapshot Snapshot(DistributedApplication app, IResource resource)
    {
        Assert.True(app.Services.GetRequiredService<ResourceNotificationService>().TryGetCurrentState(resource.Name, out var resourceEvent));
        return resourceEvent.Snapshot;
    }
}
