using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

/// <summary>
/// Builds (does not start) a run-mode AppHost with one Node.js-handler pattern that can be deployed, so tests run the
/// real dashboard command handlers against its resource notification and logger services. jsii starts once, on the
/// first synthesis.
/// </summary>
public sealed class DeployCommandFixture : IAsyncLifetime
{
    public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("dynamostreams-deploy-").FullName;

    public IDistributedApplicationBuilder Builder { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public DynamoStreamsLambdaResource Pattern { get; private set; } = null!;

    public string? OriginalPath { get; private set; }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string StandIn(string scenario) => Path.Combine(AppContext.BaseDirectory, "Assets", "cdk-standin", scenario + ".js");

    public Task InitializeAsync()
    {
        Builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, Args = [] });
        OriginalPath = Builder.Configuration["PATH"];
        Builder.Configuration["DynamoStreams:Aws:WorkingDirectory"] = WorkingDirectory;
        Pattern = Builder.AddDynamoStreamsLambda(Declarations.PatternName, LambdaHandler.FromNodeCode(Declarations.NodeDirectory, "index.handler", "nodejs24.x"))
            .WithAwsDeployment()
            .Resource;
        App = Builder.Build();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(WorkingDirectory, recursive: true);
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aspire.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Aspire.sln not found above the test output folder.");
    }
}
