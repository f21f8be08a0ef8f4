using Aspire.Hosting.DynamoStreams.Cdk.Publishing;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

/// <summary>
/// Runs a real AppHost process (tests/Deployment.AppHost) the way <c>dotnet run -- --operation publish --step …</c>
/// runs it without the Aspire CLI, and checks what a CI script sees: the process exit code. One process per case.
/// </summary>
public sealed class PipelineExitCodeTests : IDisposable
{
    private static readonly string s_nodeTools = Path.Combine(Declarations.RepoRoot, "tests", "node");

    private static readonly string s_realCli = Path.Combine(s_nodeTools, "node_modules", "aws-cdk", "bin", "cdk");

    private readonly string _output = Directory.CreateTempSubdirectory("dynamostreams-exitcode-out-").FullName;

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("dynamostreams-exitcode-work-").FullName;

    // README "Deploy and destroy (CDK CLI)": a failed deploy or destroy step (here the real CLI, aws-cdk 2.1149.0, with
    // no credentials at all) exits with the Aspire CLI's code for a failed pipeline (6), its named failure in the output.
    [Theory]
    [InlineData("deploy", "dynamostreams-deploy-orders")]
    [InlineData("destroy", "dynamostreams-destroy-orders")]
    public async Task PipelineStep_RealCliWithoutCredentials_ExitsWithPipelineFailedCode(string step, string stepName)
    {
        Assert.True(File.Exists(s_realCli), $"The real CDK CLI is missing: run 'npm ci' in {s_nodeTools}.");

        var (exitCode, output) = await RunAsync(step, s_realCli);

        Assert.True(exitCode == PipelineStepFailure.ExitCode, $"The AppHost exited with {exitCode} although '{stepName}' failed:\n{output}");
        Assert.Contains($"Step '{stepName}' failed", output, StringComparison.Ordinal);
        Assert.Contains("failed (No AWS credentials)", output, StringComparison.Ordinal);
    }

    // README "Deploy and destroy (CDK CLI)": a successful deploy step still exits 0 (a stand-in CLI: a real deploy needs
    // an AWS account).
    [Fact]
    public async Task DeployStep_CliSucceeds_ExitsZero()
    {
        var (exitCode, output) = await RunAsync("deploy", DeployCommandFixture.StandIn("succeeds"));

        Assert.True(exitCode == 0, $"The AppHost exited with {exitCode} after a successful deploy:\n{output}");
        Assert.True(File.Exists(Path.Combine(_workingDirectory, "orders.outputs.json")), $"The deploy step did not run the CLI:\n{output}");
    }

    // README "Publish: aspire publish writes the cloud assembly": a synthesis that fails (jsii cannot start its Node.js
    // runtime) fails the publish step and the process.
    [Fact]
    public async Task PublishStep_SynthesisFails_ExitsWithPipelineFailedCode()
    {
        // --clear-cache: an unchanged declaration would otherwise come from the synthesis cache without starting jsii.
        var (exitCode, output) = await RunAsync(
            "publish", cli: null, ["--clear-cache", "true"], ("JSII_RUNTIME", Path.Combine(_workingDirectory, "no-such-jsii-runtime.js")));

        Assert.True(exitCode == PipelineStepFailure.ExitCode, $"The AppHost exited with {exitCode} although the synthesis failed:\n{output}");
        Assert.Contains("Step 'publish-dynamostreams-cdk' failed", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_output, recursive: true);
        Directory.Delete(_workingDirectory, recursive: true);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string step, string? cli, string[]? arguments = null, (string Name, string Value)? environment = null)
    {
        // The test project builds the AppHost (a non-referencing ProjectReference) in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var appHost = Path.Combine(Declarations.RepoRoot, "tests", "Deployment.AppHost", "bin", configuration, "net10.0", "Deployment.AppHost");
        List<string> all =
        [
            "--operation", "publish", "--step", step, "--output-path", _output,
            "--DynamoStreams:Aws:WorkingDirectory", _workingDirectory, "--DynamoStreams:Aws:Region", "eu-west-1",
            .. arguments ?? [],
        ];
        if (cli is not null)
        {
            all.AddRange(["--DynamoStreams:Aws:CdkCli", cli]);
        }

        var variables = NoCredentials();
        if (environment is { } variable)
        {
            variables[variable.Name] = variable.Value;
        }

        return await ProcessRun.RunAsync(appHost, all, variables, TimeSpan.FromMinutes(5));
    }

    /// <summary>Hides every AWS credential source from the AppHost and the CLI it starts.</summary>
    private Dictionary<string, string?> NoCredentials() => new()
    {
        ["AWS_CONFIG_FILE"] = Path.Combine(_workingDirectory, "no-aws", "config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_workingDirectory, "no-aws", "credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_PROFILE"] = null,
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["CDK_DISABLE_VERSION_CHECK"] = "1",
        ["JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION"] = "1",
        ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20",
    };
}
