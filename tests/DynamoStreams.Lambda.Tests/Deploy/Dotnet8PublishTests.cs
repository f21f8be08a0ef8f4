using System.Diagnostics;
using System.Text.Json;
using DynamoStreams.Lambda.Tests.Runtime;
using DynamoStreams.LocalLambda.Processes;

namespace DynamoStreams.Lambda.Tests.Deploy;

[Collection(PublishCollection.Name)]
public sealed class Dotnet8PublishTests(Dotnet8PublishFixture publish, RuntimeApiFixture fixture)
    : IClassFixture<Dotnet8PublishFixture>, IClassFixture<RuntimeApiFixture>
{
    // spec C.4: an executable assembly on the managed dotnet8 runtime: the package holds the assembly built for
    // net8.0 with a runtimeconfig asking for the .NET 8 shared framework, which Lambda's dotnet8 runtime provides
    [Fact]
    public void FrameworkDependentPublish_ForDotnet8_TargetsTheNet8SharedFramework()
    {
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(publish.FrameworkDependent, "Handler.Sample.runtimeconfig.json")));
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");
        Assert.Equal("net8.0", options.GetProperty("tfm").GetString());
        Assert.Equal("Microsoft.NETCore.App", options.GetProperty("framework").GetProperty("name").GetString());
        Assert.StartsWith("8.0.", options.GetProperty("framework").GetProperty("version").GetString(), StringComparison.Ordinal);

        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(publish.FrameworkDependent, "Handler.Sample.deps.json")));
        Assert.Equal(".NETCoreApp,Version=v8.0/linux-x64", deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString());
        Assert.True(File.Exists(Path.Combine(publish.FrameworkDependent, "DynamoStreams.Lambda.dll")));
        Assert.False(File.Exists(Path.Combine(publish.FrameworkDependent, "libcoreclr.so")), "A managed-runtime package must not carry its own runtime.");
    }

    // spec C.4: _HANDLER = the assembly name, AWS_EXECUTION_ENV = AWS_Lambda_dotnet8; the net8.0 build of the library
    // and the sample, on the .NET 8 runtime, serves invocations from the host
    [Fact]
    public async Task Net8Build_OnTheNet8Runtime_ServesInvocations()
    {
        var coreLib = FileVersionInfo.GetVersionInfo(Path.Combine(publish.SelfContained, "System.Private.CoreLib.dll"));
        Assert.StartsWith("8.0.", coreLib.ProductVersion, StringComparison.Ordinal);

        await PublishedSampleHandler.AssertServesSampleEventsAsync(fixture, "dotnet8", new DotNetExecutableRunner(
            Path.Combine(publish.SelfContained, "Handler.Sample"),
            new DotNetExecutableRunnerOptions { Handler = "Handler.Sample", ExecutionEnvironment = "AWS_Lambda_dotnet8" }));
    }
}
