using Amazon.CDK.AWS.Lambda;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using DynamoStreams.Construct;
using static Hosting.DynamoStreams.Cdk.Tests.Infrastructure.Declarations;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>The packaged code maps to the construct's function props: runtime, handler and architecture.</summary>
public sealed class PackagingTemplateEquivalenceTests
{
    // issue 8 "Tests" #1: the managed runtime on arm64 takes the packaged entry assembly as its handler.
    [Fact]
    public void ManagedRuntimeOnArm64_Generated_EqualsConstructWithDotnet10Arm64()
    {
        var project = Path.Combine(RepoRoot, "src", "Handler.Sample", "Handler.Sample.csproj");
        var pattern = NewAppHost().AddDynamoStreamsLambda(PatternName, LambdaHandler.FromProject(project, "dotnet10"))
            .WithFunction(f => f.Architecture = LambdaArchitecture.Arm64);

        var generated = Generate(pattern, new DynamoStreamsStackOptions { HandlerCodeDirectory = BootstrapDirectory, PackagedHandler = "Orders.Handler" });
        var expected = ConstructStack(new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = new FunctionProps
            {
                Code = Code.FromAsset(BootstrapDirectory),
                Runtime = Runtime.DOTNET_10,
                Handler = "Orders.Handler",
                Architecture = Architecture.ARM_64,
            },
        });

        Assert.Equal(TemplateWithoutOutputs(expected), TemplateWithoutOutputs(generated));
    }

    // issue 8 "Tests" #1: a custom runtime always starts bootstrap, whatever the assembly is called.
    [Fact]
    public void CustomRuntime_Generated_StartsBootstrapOnProvidedAl2023()
    {
        var pattern = DotNetPattern(NewAppHost());

        var generated = Generate(pattern, new DynamoStreamsStackOptions { HandlerCodeDirectory = BootstrapDirectory, PackagedHandler = "bootstrap" });
        var expected = ConstructStack(new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = BootstrapFunction() });

        Assert.Equal(TemplateWithoutOutputs(expected), TemplateWithoutOutputs(generated));
    }
}
