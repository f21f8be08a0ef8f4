namespace Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

/// <summary>Runs the real AWS CDK CLI from npm (tests/node, installed by <c>npm ci</c>) offline and without credentials.</summary>
internal static class CdkCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(Declarations.RepoRoot, "tests", "node", "node_modules", "aws-cdk", "bin", "cdk");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The CDK CLI '{cli}' is missing: run 'npm ci' in tests/node.");
        }

        var environment = new Dictionary<string, string?>
        {
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PROFILE"] = null,
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["CDK_DISABLE_VERSION_CHECK"] = "1",
        };
        return await ProcessRun.RunAsync("node", [cli, .. arguments, "--no-notices"], environment, TimeSpan.FromMinutes(3));
    }
}
