using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

/// <summary>
/// Runs the "Deploy to AWS" and "Destroy" command handlers of a pattern and checks the states, log lines, properties and
/// the CLI invocation. The real CLI (tests/node, `npm ci`) runs where no AWS account is needed; a stand-in CLI
/// (Assets/cdk-standin) only for what needs one: not bootstrapped, a rolled-back stack, a successful deploy.
/// </summary>
public sealed class DeployCommandTests(DeployCommandFixture fixture) : IClassFixture<DeployCommandFixture>, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    private readonly LogCollector _log = new(fixture.App.Services.GetRequiredService<ResourceLoggerService>(), fixture.Pattern);

    // issue 8 (deploy): PATH without node → state "Node.js not found", the advice in the log and the command result
    [Fact]
    public async Task Deploy_PathWithoutNode_FailsWithNodeJsNotFound()
    {
        Configure(path: Directory.CreateTempSubdirectory("dynamostreams-empty-path-").FullName, cli: null);

        var result = await ExecuteAsync(DynamoStreamsAwsCommands.Deploy);

        Assert.False(result.Success);
        Assert.Contains("Node.js was not found on the PATH", result.Message, StringComparison.Ordinal);
        Assert.Equal("Node.js not found", State());
        await AssertLoggedAsync("Node.js was not found on the PATH");
    }

    // issue 8 (deploy): node present, no CLI in node_modules or on the PATH → state "CDK CLI not found"
    [Fact]
    public async Task Deploy_NoCliInstalled_FailsWithCdkCliNotFound()
    {
        var bin = Directory.CreateTempSubdirectory("dynamostreams-node-only-").FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "node"), NodePath());
        Configure(path: bin, cli: null);

        var result = await ExecuteAsync(DynamoStreamsAwsCommands.Deploy);

        Assert.False(result.Success);
        Assert.Equal("CDK CLI not found", State());
        await AssertLoggedAsync("npm install -g aws-cdk");
    }

    // issue 8 (deploy): the real CLI (aws-cdk 2.1149.0) with no credentials at all → state "No AWS credentials"
    [Fact]
    public async Task Deploy_RealCliWithoutCredentials_FailsWithNoAwsCredentials()
    {
        var cli = Path.Combine(DeployCommandFixture.RepoRoot, "tests", "node", "node_modules", "aws-cdk", "bin", "cdk");
        Assert.True(File.Exists(cli), $"The real CDK CLI is missing: run 'npm ci' in {Path.Combine(DeployCommandFixture.RepoRoot, "tests", "node")}.");
        Configure(path: fixture.OriginalPath, cli: cli, region: "eu-west-1");
        using var credentials = new NoCredentials();

        var result = await ExecuteAsync(DynamoStreamsAwsCommands.Deploy);

        Assert.False(result.Success);
        Assert.Equal("No AWS credentials", State());
        await AssertLoggedAsync("Unable to resolve AWS account to use");
        Assert.Contains("aws configure", Property("dynamostreams.aws.failure"), StringComparison.Ordinal);
    }

    // issue 8 (deploy): the CLI's SSM-parameter message → state "Not bootstrapped" with the bootstrap command; a stack
    // CloudFormation rolled back → state "Stack failed", the failed event in the log
    [Theory]
    [InlineData("not-bootstrapped", "Not bootstrapped", "/cdk-bootstrap/hnb659fds/version not found", "cdk bootstrap aws://<account-id>/eu-west-1")]
    [InlineData("stack-failed", "Stack failed", "CREATE_FAILED", "ROLLBACK_COMPLETE")]
    public async Task Deploy_CliFails_NamedStateWithTheCliOutputAndAdvice(string standIn, string state, string logged, string failure)
    {
        Configure(path: fixture.OriginalPath, cli: DeployCommandFixture.StandIn(standIn), region: "eu-west-1");

        var result = await ExecuteAsync(DynamoStreamsAwsCommands.Deploy);

        Assert.False(result.Success);
        Assert.Equal(state, State());
        await AssertLoggedAsync(logged);
        Assert.Contains(failure, Property("dynamostreams.aws.failure"), StringComparison.Ordinal);
    }

    // issue 8 (deploy): success → the exact invocation with profile and region, state Deployed, outputs as properties; then destroy
    [Fact]
    public async Task DeployThenDestroy_Succeeds_PublishesOutputsThenDestroyed()
    {
        Configure(path: fixture.OriginalPath, cli: DeployCommandFixture.StandIn("succeeds"), region: "eu-central-1", profile: "dev");
        var assembly = Path.Combine(fixture.WorkingDirectory, "orders.cdk.out");
        var outputsFile = Path.Combine(fixture.WorkingDirectory, "orders.outputs.json");

        var deployed = await ExecuteAsync(DynamoStreamsAwsCommands.Deploy);

        Assert.True(deployed.Success, deployed.Message);
        var invocation = Invocation();
        Assert.Equal(
            ["deploy", "--app", assembly, "--require-approval", "never", "--outputs-file", outputsFile, "--progress", "events", "--profile", "dev", "orders"],
            invocation.Args);
        Assert.Equal("eu-central-1", invocation.AwsRegion);
        Assert.Equal("eu-central-1", invocation.CdkDefaultRegion);
        Assert.Equal("Deployed", State());
        Assert.Equal("orders-ordersDynamoTable-ABC123", Property("dynamostreams.aws.tableName"));
        Assert.Equal("eu-central-1", Property("dynamostreams.aws.region"));
        Assert.StartsWith("https://sqs.eu-central-1.amazonaws.com/", Property("dynamostreams.aws.deadLetterQueueUrl"), StringComparison.Ordinal);
        await AssertLoggedAsync("CREATE_COMPLETE");

        var destroyed = await ExecuteAsync(DynamoStreamsAwsCommands.Destroy);

        Assert.True(destroyed.Success, destroyed.Message);
        Assert.Contains("RETAINED", destroyed.Message, StringComparison.Ordinal);
        Assert.Equal(["destroy", "--app", assembly, "--force", "--profile", "dev", "orders"], Invocation().Args);
        Assert.Equal("Destroyed", State());
        Assert.False(File.Exists(outputsFile));
    }

    public void Dispose()
    {
        foreach (var key in new[] { "PATH", "DynamoStreams:Aws:CdkCli", "DynamoStreams:Aws:Region", "DynamoStreams:Aws:Profile" })
        {
            fixture.Builder.Configuration[key] = key == "PATH" ? fixture.OriginalPath : null;
        }

        File.Delete(Path.Combine(fixture.WorkingDirectory, "standin-invocation.json"));
        _log.Dispose();
    }

    private static string NodePath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "node")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("These tests need Node.js on the PATH.");

    private void Configure(string? path, string? cli, string? region = null, string? profile = null)
    {
        var configuration = fixture.Builder.Configuration;
        configuration["PATH"] = path;
        configuration["DynamoStreams:Aws:CdkCli"] = cli;
        configuration["DynamoStreams:Aws:Region"] = region;
        configuration["DynamoStreams:Aws:Profile"] = profile;
    }

    private async Task<ExecuteCommandResult> ExecuteAsync(string command)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        var annotation = fixture.Pattern.Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == command);
        return await annotation.ExecuteCommand(new ExecuteCommandContext
        {
            Services = fixture.App.Services,
            Arguments = null!,
            ResourceName = fixture.Pattern.Name,
            CancellationToken = cts.Token,
            Logger = NullLogger.Instance,
        });
    }

    private CustomResourceSnapshot Snapshot()
    {
        var notifications = fixture.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState(fixture.Pattern.Name, out var resourceEvent));
        return resourceEvent.Snapshot;
    }

    private string? State() => Snapshot().State?.Text;

    private string Property(string name) => Snapshot().Properties.Single(p => p.Name == name).Value?.ToString() ?? string.Empty;

    private async Task AssertLoggedAsync(string text)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _log.WaitAsync(lines => lines.Any(line => line.Contains(text, StringComparison.Ordinal)), cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The resource log has no line containing '{text}'.");
        }
    }

    private (string[] Args, string? AwsRegion, string? CdkDefaultRegion) Invocation()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.WorkingDirectory, "standin-invocation.json")));
        var root = document.RootElement;
        return ([.. root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)], root.GetProperty("AWS_REGION").GetString(), root.GetProperty("CDK_DEFAULT_REGION").GetString());
    }

    /// <summary>Hides every credential source from the CLI for one test (this assembly's tests run one at a time).</summary>
    private sealed class NoCredentials : IDisposable
    {
        private static readonly string[] s_cleared = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE"];

        private readonly Dictionary<string, string?> _saved = [];

        public NoCredentials()
        {
            var missing = Path.Combine(Path.GetTempPath(), "dynamostreams-no-aws-config");
            Set("AWS_CONFIG_FILE", Path.Combine(missing, "config"));
            Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(missing, "credentials"));
            Set("AWS_EC2_METADATA_DISABLED", "true");
            foreach (var name in s_cleared)
            {
                Set(name, null);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        private void Set(string name, string? value)
        {
            _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
