using System.Text.Json;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.Infrastructure;

namespace DynamoStreams.LocalLambda.Tests.Processes;

/// <summary>
/// Checks the environment of spec C.3, computed alone (as Aspire uses it) and as a real Node.js process sees it.
/// </summary>
public sealed class FunctionEnvironmentTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] s_reserved =
    [
        "_HANDLER", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
        "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "LANG", "TZ", "PATH",
    ];

    [Fact]
    public void Create_ForFunction_SetsEveryVariableWithLambdaValues()
    {
        // spec C.3
        var options = new LambdaFunctionOptions
        {
            Name = "orders",
            Region = "eu-central-1",
            MemorySize = 1024,
            Environment = new Dictionary<string, string> { ["TABLE"] = "t", ["AWS_ACCESS_KEY_ID"] = "mine", ["_HANDLER"] = "overridden?" },
        };
        var environment = FunctionEnvironment.Create(options, "127.0.0.1:5000/orders", new FunctionRuntimeInfo("index.handler", "/code", "/runtime", "AWS_Lambda_nodejs20.x"));

        Assert.All(s_reserved, name => Assert.True(environment.ContainsKey(name), name));
        Assert.Equal("index.handler", environment["_HANDLER"]);
        Assert.Equal("eu-central-1", environment["AWS_REGION"]);
        Assert.Equal("eu-central-1", environment["AWS_DEFAULT_REGION"]);
        Assert.Equal("AWS_Lambda_nodejs20.x", environment["AWS_EXECUTION_ENV"]);
        Assert.Equal("orders", environment["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("1024", environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("$LATEST", environment["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("on-demand", environment["AWS_LAMBDA_INITIALIZATION_TYPE"]);
        Assert.Equal("/aws/lambda/orders", environment["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", environment["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("127.0.0.1:5000/orders", environment["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("/code", environment["LAMBDA_TASK_ROOT"]);
        Assert.Equal("/runtime", environment["LAMBDA_RUNTIME_DIR"]);
        Assert.Equal("en_US.UTF-8", environment["LANG"]);
        Assert.Equal("UTC", environment["TZ"]);
        Assert.Equal("t", environment["TABLE"]);
        Assert.Equal("mine", environment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal(FunctionEnvironment.LocalCredential, environment["AWS_SECRET_ACCESS_KEY"]);
    }

    [Fact]
    public void Create_ForCustomRuntime_OmitsExecutionEnvironment()
    {
        // spec C.3: AWS_EXECUTION_ENV is absent for custom runtimes
        var environment = FunctionEnvironment.Create(new LambdaFunctionOptions { Name = "f" }, "127.0.0.1:1/f", new FunctionRuntimeInfo("bootstrap", "/var/task", "/var/runtime", null));
        Assert.False(environment.ContainsKey("AWS_EXECUTION_ENV"));
    }

    [Fact]
    public async Task NodeProcess_Invoked_SeesEveryVariableAndNotTheHostsOthers()
    {
        // spec C.5 #9 through a real process; _X_AMZN_TRACE_ID is set per invoke
        Environment.SetEnvironmentVariable("DYNAMOSTREAMS_TEST_HOST_ONLY", "leak");
        var function = await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = fixture.NewName("env"), MemorySize = 256 },
            new NodeFunctionRunner(TestPaths.NodeFunctions),
            CancellationToken.None);
        var result = await fixture.Host.InvokeAsync(function.Name, """{"action":"env"}"""u8.ToArray(), null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var environment = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Payload.Span)!;

        Assert.All(s_reserved, name => Assert.True(environment.ContainsKey(name), name));
        Assert.Equal("AWS_Lambda_nodejs24.x", environment["AWS_EXECUTION_ENV"]);
        Assert.Equal("256", environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal(TestPaths.NodeFunctions, environment["LAMBDA_TASK_ROOT"]);
        Assert.Equal(result.TraceId, environment["_X_AMZN_TRACE_ID"]);
        Assert.False(environment.ContainsKey("DYNAMOSTREAMS_TEST_HOST_ONLY"));
    }
}
