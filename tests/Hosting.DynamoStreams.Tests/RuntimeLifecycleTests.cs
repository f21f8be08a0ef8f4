using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local.Lambda;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Hosting.DynamoStreams.Tests;

public class RuntimeLifecycleTests
{
    // issue 19 "Runtimes" #2: dotnet8 is kept only with a warning naming AWS's dates and the successor.
    [Fact]
    public void Warning_Dotnet8_NamesDeprecationAndCreateBlockDates()
    {
        var warning = RuntimeLifecycle.Warning("orders", "dotnet8");

        Assert.Equal(
            "DynamoStreams pattern 'orders': the Lambda runtime 'dotnet8' is deprecated by AWS on 2026-11-10 and creating a function with it is blocked from 2026-12-10: use 'dotnet10'.",
            warning);
    }

    // issue 19 "Runtimes" #2: Node.js runtimes Lambda blocks are warned about the same way.
    [Fact]
    public void Warning_Nodejs20_NamesTheSuccessor()
    {
        Assert.Contains("blocked from 2026-06-01: use 'nodejs24.x'", RuntimeLifecycle.Warning("orders", "nodejs20.x"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dotnet10")]
    [InlineData("provided.al2023")]
    [InlineData("nodejs24.x")]
    [InlineData(null)]
    public void Warning_SupportedRuntime_IsNull(string? runtime)
    {
        Assert.Null(RuntimeLifecycle.Warning("orders", runtime));
    }

    // issue 19 "Runtimes" #2: the managed dotnet10 runtime is accepted and runs locally as Lambda's managed runtime names itself.
    [Fact]
    public void FromProject_Dotnet10_RunsLocallyWithTheManagedExecutionEnvironment()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda("managed", LambdaHandler.FromProject<HandlerSampleProject>("dotnet10")).Resource;

        var info = LambdaWiring.RuntimeInfo(pattern);

        Assert.Equal("dotnet10", pattern.Handler.Runtime);
        Assert.Equal("AWS_Lambda_dotnet10", info.ExecutionEnvironment);
        Assert.Equal("Handler.Sample", info.Handler);
    }

    [Fact]
    public void FromProject_UnknownRuntime_NamesTheManagedDefault()
    {
        var error = Assert.Throws<ArgumentException>(() => LambdaHandler.FromProject("Handler.csproj", "dotnet9"));

        Assert.Contains("'dotnet10' (the managed runtime)", error.Message, StringComparison.Ordinal);
    }
}
