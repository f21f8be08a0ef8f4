using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Packaging;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>A .NET handler is published for Lambda's Linux with the function's architecture, and a failing publish says why.</summary>
public sealed class HandlerPackagingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dynamostreams-cdk-tests", "packaging-" + Guid.NewGuid().ToString("N"));

    // issue 8 "Build" #1: x86-64 by default, self-contained for provided.al2023.
    [Fact]
    public void PublishRequest_DefaultFunction_TargetsLinuxX64SelfContained()
    {
        var request = new DotNetPublishRequest("/src/Handler/Handler.csproj", "provided.al2023", LambdaArchitecture.X86_64, "Release", "/staging/out");

        var arguments = string.Join(' ', request.ToArguments());

        Assert.Contains("publish /src/Handler/Handler.csproj --configuration Release --runtime linux-x64 --self-contained true --output /staging/out", arguments, StringComparison.Ordinal);
    }

    // issue 8 "Build" #1: arm64 from the function's architecture; framework-dependent for the managed runtime.
    [Fact]
    public void PublishRequest_Arm64ManagedRuntime_TargetsLinuxArm64FrameworkDependent()
    {
        var request = new DotNetPublishRequest("/src/Handler/Handler.csproj", "dotnet8", LambdaArchitecture.Arm64, "Release", "/staging/out");

        var arguments = string.Join(' ', request.ToArguments());

        Assert.Contains("--runtime linux-arm64 --self-contained false", arguments, StringComparison.Ordinal);
    }

    // issue 8 "Build" #1: an arm64 function gets a self-contained linux-arm64 publish whose bootstrap is an AArch64 executable.
    [Fact]
    public async Task Arm64Function_Packaged_BootstrapIsAarch64Executable()
    {
        var project = WriteProject("Arm", "net10.0", "System.Console.WriteLine(1);");
        var pattern = Declarations.NewAppHost().AddDynamoStreamsLambda("arm", LambdaHandler.FromProject(project))
            .WithFunction(f => f.Architecture = LambdaArchitecture.Arm64).Resource;

        var package = await Packager().PackageAsync(pattern, null, CancellationToken.None);

        Assert.NotNull(package);
        Assert.Equal("bootstrap", package.Handler);
        Assert.EndsWith("Arm-linux-arm64-provided-al2023", package.Directory, StringComparison.Ordinal);
        Assert.Equal(ElfHeader.AArch64, ElfHeader.Machine(Path.Combine(package.Directory, "bootstrap")));
        Assert.False(File.Exists(Path.Combine(package.Directory, "Arm")), "The apphost was copied, not renamed.");
        Assert.True(File.Exists(Path.Combine(package.Directory, "Arm.dll")));
    }

    // issue 8 "Build" #1: a failing dotnet publish fails the publish with its output in the message.
    [Fact]
    public async Task BrokenHandlerProject_Packaged_FailsWithDotnetPublishOutput()
    {
        var project = WriteProject("Broken", "net10.0", "this is not C#");
        var pattern = Declarations.NewAppHost().AddDynamoStreamsLambda("broken", LambdaHandler.FromProject(project)).Resource;

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => Packager().PackageAsync(pattern, null, CancellationToken.None));

        Assert.Contains("DynamoStreams pattern 'broken': 'dotnet publish", error.Message, StringComparison.Ordinal);
        Assert.Contains("error CS", error.Message, StringComparison.Ordinal);
        Assert.Contains("Program.cs", error.Message, StringComparison.Ordinal);
    }

    // issue 8 "Build" #1: Lambda's managed dotnet8 runtime cannot run a net10.0 handler; the publish says so and how to fix it.
    [Fact]
    public async Task Net10HandlerOnManagedDotnet8_Packaged_FailsNamingTheRuntimeMismatch()
    {
        var project = WriteProject("Managed", "net10.0", "System.Console.WriteLine(1);");
        var pattern = Declarations.NewAppHost().AddDynamoStreamsLambda("managed", LambdaHandler.FromProject(project, "dotnet8")).Resource;

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => Packager().PackageAsync(pattern, null, CancellationToken.None));

        Assert.Contains("targets .NET 10.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("managed runtime 'dotnet8'", error.Message, StringComparison.Ordinal);
        Assert.Contains("provided.al2023", error.Message, StringComparison.Ordinal);
    }

    // issue 19 "Runtimes" #2: the managed dotnet10 runtime runs a net10.0 handler: framework-dependent, handler = the assembly.
    [Fact]
    public async Task Net10HandlerOnManagedDotnet10_Packaged_IsFrameworkDependentWithTheAssemblyAsHandler()
    {
        var project = WriteProject("Managed10", "net10.0", "System.Console.WriteLine(1);");
        var pattern = Declarations.NewAppHost().AddDynamoStreamsLambda("managed10", LambdaHandler.FromProject(project, "dotnet10")).Resource;

        var package = await Packager().PackageAsync(pattern, null, CancellationToken.None);

        Assert.NotNull(package);
        Assert.Equal("Managed10", package.Handler);
        Assert.True(File.Exists(Path.Combine(package.Directory, "Managed10.dll")));
        Assert.False(File.Exists(Path.Combine(package.Directory, "bootstrap")));
        Assert.False(File.Exists(Path.Combine(package.Directory, "libcoreclr.so")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private HandlerPackager Packager() => new(Path.Combine(_root, "staging"), _root, "Release");

    /// <summary>Writes a console project outside the repository so that its Directory.Build.props do not apply.</summary>
    private string WriteProject(string name, string targetFramework, string program)
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        var project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        return project;
    }
}
