namespace Packaging.Tests.Infrastructure;

/// <summary>
/// A user's machine, outside the repository: every package the repository ships, packed into a temporary feed with a
/// version no run has used before (so nothing can come from a cache), a nuget.config that takes DynamoStreams.* from
/// that feed only, an empty global packages folder (the machine's is a read-only fallback for Aspire, the AWS SDK and
/// the rest), and the template pack installed into a private template hive.
/// </summary>
public sealed class ConsumerFixture : IAsyncLifetime
{
    /// <summary>The packable projects and the package each gives.</summary>
    public static readonly IReadOnlyList<(string Project, string PackageId)> Packages =
    [
        ("src/DynamoStreams.Contracts", "DynamoStreams.Contracts"),
        ("src/DynamoStreams.Emulator", "DynamoStreams.Emulator"),
        ("src/DynamoStreams.Lambda", "DynamoStreams.Lambda"),
        ("src/DynamoStreams.Lambda.Sdk", "DynamoStreams.Lambda.Sdk"),
        ("src/DynamoStreams.LocalLambda", "DynamoStreams.LocalLambda"),
        ("src/DynamoStreams.Construct", "DynamoStreams.Construct"),
        ("src/Hosting.DynamoStreams", "DynamoStreams.Aspire.Hosting"),
        ("src/Hosting.DynamoStreams.Cdk", "DynamoStreams.Aspire.Hosting.Cdk"),
        ("src/DynamoStreams.Aspire.Templates", "DynamoStreams.Aspire.Templates"),
    ];

    public const string TemplatePackageId = "DynamoStreams.Aspire.Templates";

    private readonly string _versionSuffix = $"ct{Guid.NewGuid():N}"[..12];

    /// <summary>The temporary root holding the feed and every project the consumer tests create.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"dynamostreams-consumer-{Guid.NewGuid():N}");

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string WorkDirectory => Path.Combine(Root, "work");

    private string TemplateHive => Path.Combine(Root, "template-hive");

    /// <summary>The version of this run's packages.</summary>
    public string Version => $"0.1.0-{_versionSuffix}";

    public TimeSpan PackTime { get; private set; }

    /// <summary>The environment of every command a consumer runs: its own global packages folder, no telemetry.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public ConsumerFixture() => Environment = new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(WorkDirectory);
        var started = DateTime.UtcNow;
        foreach (var (project, _) in Packages)
        {
            // The test project references these projects, so they are built for this run; packing reuses that build.
            (await CommandLine.RunAsync(
                "dotnet",
                ["pack", Path.Combine(Repository.Root, project), "--no-build", "-c", Repository.Configuration, "-o", FeedDirectory, $"-p:VersionSuffix={_versionSuffix}", "-nologo", "-v:q"],
                Repository.Root,
                new Dictionary<string, string?>(),
                TimeSpan.FromMinutes(5))).EnsureSuccess();
        }

        PackTime = DateTime.UtcNow - started;
        await File.WriteAllTextAsync(Path.Combine(WorkDirectory, "nuget.config"), NuGetConfig());
        await File.WriteAllTextAsync(Path.Combine(WorkDirectory, "Directory.Build.props"), RegistryWorkaround);
        (await DotnetAsync(["new", "install", PackagePath(TemplatePackageId), "--debug:custom-hive", TemplateHive], WorkDirectory, TimeSpan.FromMinutes(2))).EnsureSuccess();
    }

    public string PackagePath(string packageId, string extension = ".nupkg") => Path.Combine(FeedDirectory, $"{packageId}.{Version}{extension}");

    /// <summary>Runs <c>dotnet</c> as the consumer would, in a folder under <see cref="WorkDirectory"/>.</summary>
    public Task<CommandResult> DotnetAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout) =>
        CommandLine.RunAsync("dotnet", arguments, workingDirectory, Environment, timeout);

    /// <summary>Runs <c>dotnet new</c> with this fixture's template hive.</summary>
    public Task<CommandResult> DotnetNewAsync(IEnumerable<string> arguments) =>
        DotnetAsync(["new", .. arguments, "--debug:custom-hive", TemplateHive], WorkDirectory, TimeSpan.FromMinutes(2));

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A consumer AppHost's process may hold a file for a moment longer; the folder is in the temp directory.
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Amazon.CDK.Lib asks for Constructs &gt;= 10.5.0 and Amazon.CDK.Asset.AwsCliV1 2.2.292, which this machine's
    /// partial registry does not serve (nuget.org does). The repository pins the versions it has (Directory.Build.targets,
    /// kept out of the packages); a consumer here needs the same two direct references. Nothing of ours is in it.
    /// </summary>
    private const string RegistryWorkaround = """
        <Project>
          <ItemGroup>
            <PackageReference Include="Constructs" Version="10.0.5" NoWarn="NU1605;NU1608" />
            <PackageReference Include="Amazon.CDK.Asset.AwsCliV1" Version="2.2.294" NoWarn="NU1605;NU1608" />
          </ItemGroup>
        </Project>
        """;

    private string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="dynamostreams-feed" value="{FeedDirectory}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="dynamostreams-feed">
              <package pattern="DynamoStreams.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
          <fallbackPackageFolders>
            <clear />
            <add key="machine" value="{Repository.MachinePackagesFolder}" />
          </fallbackPackageFolders>
        </configuration>
        """;
}

[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<ConsumerFixture>
{
    public const string Name = "Consumer";
}
