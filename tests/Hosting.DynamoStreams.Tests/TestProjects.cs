using Aspire.Hosting;

namespace Hosting.DynamoStreams.Tests;

/// <summary>Points at the real sample handler project, as the AppHost SDK's generated <c>Projects.Handler_Sample</c> would.</summary>
internal sealed class HandlerSampleProject : IProjectMetadata
{
    public string ProjectPath { get; } = Path.Combine(TestBuilders.RepoRoot, "src", "Handler.Sample", "Handler.Sample.csproj");
}

internal static class TestBuilders
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static IDistributedApplicationBuilder Run() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, Args = [] });

    public static IDistributedApplicationBuilder Publish(string outputPath) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DisableDashboard = true,
            Args = ["--publisher", "manifest", "--output-path", outputPath],
        });

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
