using System.Text;
using System.Text.Json;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.Infrastructure;

namespace DynamoStreams.LocalLambda.Tests.Processes;

/// <summary>
/// Runs the .NET test handler (built on DynamoStreams.Lambda's LambdaRuntime) as real processes behind the host.
/// </summary>
public sealed class DotNetFunctionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Handler_Invoked_ReturnsResponseWithContext()
    {
        // spec C.5 #1 with the handler library as the runtime client; Deadline-Ms − now ≈ the timeout (30 s)
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("net-echo"), Timeout = TimeSpan.FromSeconds(30) });
        var result = await InvokeAsync(function, new { action = "echo", value = 7 });

        Assert.True(result.IsSuccess, Encoding.UTF8.GetString(result.Payload.Span));
        var root = JsonDocument.Parse(result.Payload).RootElement;
        Assert.Equal(7, root.GetProperty("event").GetProperty("value").GetInt32());
        Assert.Equal(result.RequestId, root.GetProperty("requestId").GetString());
        Assert.Equal(function.FunctionArn, root.GetProperty("functionArn").GetString());
        Assert.Equal(result.TraceId, root.GetProperty("traceId").GetString());
        Assert.InRange(root.GetProperty("remainingMs").GetInt64(), 20_000, 30_000);
    }

    [Fact]
    public async Task Handler_Throws_ReportsExceptionTypeAndMessage()
    {
        // spec C.5 #3: the .NET runtime client posts /error with the exception type
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("net-throw") });
        var result = await InvokeAsync(function, new { action = "throw", message = "bad order" });

        Assert.Equal(FunctionErrorKind.Unhandled, result.Error!.Kind);
        Assert.Equal("InvalidOperationException", result.Error.ErrorType.Split('.')[^1]);
        Assert.Equal("bad order", result.Error.ErrorMessage);
        Assert.True((await InvokeAsync(function, new { action = "echo" })).IsSuccess);
    }

    [Fact]
    public async Task Handler_SleepsPastTimeout_TimesOutAndProcessIsReplaced()
    {
        // spec C.5 #6
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("net-slow"), Timeout = TimeSpan.FromSeconds(1) });
        var before = await PidAsync(function);
        var result = await InvokeAsync(function, new { action = "sleep", sleepMs = 60_000 });

        Assert.Equal("Sandbox.Timedout", result.Error!.ErrorType);
        Assert.NotEqual(before, await PidAsync(function));
    }

    [Fact]
    public async Task Handler_ExitsDuringInvoke_FailsWithExitErrorAndIsRestarted()
    {
        // spec C.2: never lost, restarted
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("net-exit") });
        var before = await PidAsync(function);
        var result = await InvokeAsync(function, new { action = "exit", exitCode = 5 });

        Assert.Equal(FunctionErrorKind.RuntimeExit, result.Error!.Kind);
        Assert.EndsWith("Error: Runtime exited with error: exit status 5", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.NotEqual(before, await PidAsync(function));
    }

    [Fact]
    public async Task Handler_InitThrows_FirstInvokeFailsWithInitError()
    {
        // spec C.5 #7 with the handler library's /init/error
        var function = await RegisterAsync(new LambdaFunctionOptions
        {
            Name = fixture.NewName("net-init"),
            Environment = new Dictionary<string, string> { ["TEST_INIT_FAIL"] = "1" },
        });
        var result = await InvokeAsync(function, new { });

        Assert.Equal(FunctionErrorKind.InitError, result.Error!.Kind);
        Assert.Contains("TEST_INIT_FAIL is set", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_InitFailsOnce_RestartedRuntimeServesNextInvoke()
    {
        // spec C.5 #7: /init/error fails the first invoke with that type; the runtime is restarted for the next
        var marker = Path.Combine(Path.GetTempPath(), $"net-init-once-{Guid.NewGuid():N}");
        try
        {
            var function = await RegisterAsync(new LambdaFunctionOptions
            {
                Name = fixture.NewName("net-init-once"),
                Environment = new Dictionary<string, string> { ["TEST_INIT_FAIL_ONCE"] = marker },
            });
            var first = await InvokeAsync(function, new { });
            Assert.Equal(FunctionErrorKind.InitError, first.Error?.Kind);
            Assert.Equal("InvalidOperationException", first.Error!.ErrorType);

            var second = await InvokeAsync(function, new { action = "echo" });
            Assert.True(second.IsSuccess, Encoding.UTF8.GetString(second.Payload.Span));
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task Handler_Returns7MB_FailsAsFunctionError()
    {
        // spec C.5 #5: an oversized response is a function error (413 from the host, or refused by the client first)
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("net-big") });
        var result = await InvokeAsync(function, new { action = "large" });
        Assert.Equal(InvocationStatus.FunctionError, result.Status);
        Assert.True((await InvokeAsync(function, new { action = "echo" })).IsSuccess);
    }

    [Fact]
    public async Task Handler_SeesEveryEnvironmentVariable()
    {
        // spec C.5 #9, C.3 for a custom-runtime style .NET executable (no AWS_EXECUTION_ENV)
        var function = await RegisterAsync(new LambdaFunctionOptions
        {
            Name = fixture.NewName("net-env"),
            MemorySize = 512,
            Region = "eu-west-1",
            Environment = new Dictionary<string, string> { ["TABLE_NAME"] = "orders", ["AWS_REGION"] = "ignored" },
        });
        var environment = JsonSerializer.Deserialize<Dictionary<string, string>>((await InvokeAsync(function, new { action = "env" })).Payload.Span)!;

        Assert.Equal("DotNetTestFunction", environment["_HANDLER"]);
        Assert.Equal("eu-west-1", environment["AWS_REGION"]);
        Assert.Equal("eu-west-1", environment["AWS_DEFAULT_REGION"]);
        Assert.False(environment.ContainsKey("AWS_EXECUTION_ENV"));
        Assert.Equal("512", environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal(function.Name, environment["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("orders", environment["TABLE_NAME"]);
        Assert.StartsWith(function.RuntimeApiAddress + "/", environment["AWS_LAMBDA_RUNTIME_API"], StringComparison.Ordinal);
        Assert.Equal(Path.GetDirectoryName(TestPaths.DotNetFunction), environment["LAMBDA_TASK_ROOT"]);
    }

    [Fact]
    public async Task Runner_WithClassLibraryHandlerString_LoadsValidAndRejectsMalformed()
    {
        // spec C.5 #8, C.4: Assembly::Namespace.Type::Method loads; MyApp::Handler fails init with the format error
        var valid = await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = fixture.NewName("net-handler-ok") },
            new DotNetExecutableRunner(TestPaths.DotNetFunction, new DotNetExecutableRunnerOptions { Handler = "MyApp::MyApp.Function::Handler" }),
            CancellationToken.None);
        Assert.True((await InvokeAsync(valid, new { action = "echo" })).IsSuccess);

        var malformed = await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = fixture.NewName("net-handler-bad") },
            new DotNetExecutableRunner(TestPaths.DotNetFunction, new DotNetExecutableRunnerOptions { Handler = "MyApp::Handler" }),
            CancellationToken.None);
        var result = await InvokeAsync(malformed, new { });
        Assert.Equal(FunctionErrorKind.InitError, result.Error!.Kind);
        Assert.Equal("LambdaException", result.Error.ErrorType);
        Assert.Equal("Invalid lambda function handler: 'MyApp::Handler'. The valid format is 'ASSEMBLY::TYPE::METHOD'.", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Runner_WithMissingBuildOutput_FailsFirstInvokeNamingTheFix()
    {
        var function = await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = fixture.NewName("net-missing") },
            new DotNetExecutableRunner(Path.Combine(Path.GetTempPath(), "does-not-exist", "App.dll")),
            CancellationToken.None);
        var result = await InvokeAsync(function, new { });
        Assert.Equal("Runtime.InvalidEntrypoint", result.Error!.ErrorType);
        Assert.Contains("Build or publish the handler project", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    private async Task<RegisteredFunction> RegisterAsync(LambdaFunctionOptions options) =>
        await fixture.Host.RegisterFunctionAsync(options, new DotNetExecutableRunner(TestPaths.DotNetFunction), CancellationToken.None);

    private async Task<InvocationResult> InvokeAsync(RegisteredFunction function, object payload) =>
        await fixture.InvokeJsonAsync(function, payload, s_wait);

    private async Task<int> PidAsync(RegisteredFunction function)
    {
        var result = await InvokeAsync(function, new { action = "echo" });
        Assert.True(result.IsSuccess, Encoding.UTF8.GetString(result.Payload.Span));
        return JsonDocument.Parse(result.Payload).RootElement.GetProperty("pid").GetInt32();
    }
}
