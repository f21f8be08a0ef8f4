using System.Text.Json.Nodes;

namespace Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

/// <summary>
/// Publishes the real sample AppHost once per test class, as <c>aspire publish</c> runs it
/// (<c>--operation publish --step publish --output-path</c>): its handler is packaged and both stacks synthesised.
/// </summary>
public sealed class SamplePublishFixture : IAsyncLifetime
{
    public string Output { get; } = Path.Combine(Path.GetTempPath(), "dynamostreams-cdk-tests", "sample-" + Guid.NewGuid().ToString("N"));

    public string PublishLog { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The test project builds the AppHost (a non-referencing ProjectReference) in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var appHost = Path.Combine(Declarations.RepoRoot, "src", "AppHost.Sample", "bin", configuration, "net10.0", "AppHost.Sample");
        var (exitCode, output) = await ProcessRun.RunAsync(
            appHost,
            ["--operation", "publish", "--step", "publish", "--output-path", Output],
            new Dictionary<string, string?> { ["JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION"] = "1", ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20" });
        PublishLog = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The sample AppHost's publish failed with exit code {exitCode}:\n{output}");
        }
    }

    public JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, file)))!.AsObject();

    /// <summary>Returns the folder of the stack's one file asset (the function's code).</summary>
    public string FunctionAssetDirectory(string stack)
    {
        var files = Read($"{stack}.assets.json")["files"]!.AsObject();
        var source = files.Select(f => f.Value!["source"]!).Single(s => s["packaging"]?.GetValue<string>() == "zip");
        return Path.Combine(Output, source["path"]!.GetValue<string>());
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }

        return Task.CompletedTask;
    }
}
