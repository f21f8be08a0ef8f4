using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.Infrastructure;

namespace DynamoStreams.LocalLambda.Tests.Processes;

/// <summary>
/// Runs the Node.js test handlers as real processes (the machine's node) through the shipped shim, behind the host.
/// </summary>
public sealed class NodeFunctionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AsyncHandler_Invoked_ReturnsItsResponseWithContext()
    {
        // spec C.5 #1 through a real runtime: event, request id, ARN, deadline (≈ the 30 s timeout away) and trace id
        // reach the handler
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-echo"), Timeout = TimeSpan.FromSeconds(30) });
        var result = await InvokeAsync(function, new { action = "echo", value = 42 });

        Assert.Equal(InvocationStatus.Succeeded, result.Status);
        using var body = JsonDocument.Parse(result.Payload);
        var root = body.RootElement;
        Assert.Equal(42, root.GetProperty("event").GetProperty("value").GetInt32());
        Assert.Equal(result.RequestId, root.GetProperty("requestId").GetString());
        Assert.Equal(function.FunctionArn, root.GetProperty("functionArn").GetString());
        Assert.InRange(root.GetProperty("remainingMs").GetInt32(), 20_000, 30_000);
        Assert.Equal(result.TraceId, root.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task CallbackHandler_Invoked_AnswersThroughCallback()
    {
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-cb") }, "index.callbackHandler");
        var success = await InvokeAsync(function, new { });
        Assert.Equal("callback", JsonDocument.Parse(success.Payload).RootElement.GetProperty("style").GetString());

        var failure = await InvokeAsync(function, new { fail = "callback failed" });
        Assert.Equal(FunctionErrorKind.Unhandled, failure.Error!.Kind);
        Assert.Equal("Error", failure.Error.ErrorType);
        Assert.Equal("callback failed", failure.Error.ErrorMessage);
    }

    [Fact]
    public async Task Handler_Throws_ReportsTypeMessageAndStackAndKeepsProcess()
    {
        // spec C.5 #3 with a real runtime; B.4: an exception is a function error
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-throw") });
        var before = await PidAsync(function);
        var result = await InvokeAsync(function, new { action = "throw", message = "bad record", errorName = "ValidationError" });

        Assert.Equal(InvocationStatus.FunctionError, result.Status);
        Assert.Equal(FunctionErrorKind.Unhandled, result.Error!.Kind);
        Assert.Equal("ValidationError", result.Error.ErrorType);
        Assert.Equal("bad record", result.Error.ErrorMessage);
        Assert.Equal("ValidationError: bad record", result.Error.StackTrace[0]);
        Assert.Contains(result.Error.StackTrace, line => line.Contains("index.js", StringComparison.Ordinal));
        Assert.Equal(before, await PidAsync(function));
    }

    [Fact]
    public async Task Handler_Returns7MB_FailsAsResponseTooLarge()
    {
        // spec C.5 #5: 7 MB response → 413, a function error
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-big") });
        var result = await InvokeAsync(function, new { action = "large" });

        Assert.Equal(FunctionErrorKind.ResponseTooLarge, result.Error!.Kind);
        Assert.Equal("Function.ResponseSizeTooLarge", result.Error.ErrorType);
        Assert.True((await InvokeAsync(function, new { action = "echo" })).IsSuccess);
    }

    [Fact]
    public async Task Handler_SleepsPastTimeout_TimesOutAndProcessIsReplaced()
    {
        // spec C.5 #6: timeout failure, process replaced, next invoke works
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-slow"), Timeout = TimeSpan.FromSeconds(1) });
        var before = await PidAsync(function);
        var result = await InvokeAsync(function, new { action = "sleep", sleepMs = 30_000 });

        Assert.Equal(FunctionErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal("Sandbox.Timedout", result.Error.ErrorType);
        Assert.Matches("^RequestId: [0-9a-f-]{36} Error: Task timed out after \\d+\\.\\d\\d seconds$", result.Error.ErrorMessage);
        await Until.TrueAsync(() => HasExited(before));
        var after = await PidAsync(function);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Handler_ExitsDuringInvoke_FailsThatInvokeAndIsRestarted()
    {
        // spec C.2: a process that exits mid-invocation fails it (never lost) and is restarted
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-exit") });
        var before = await PidAsync(function);
        var result = await InvokeAsync(function, new { action = "exit", exitCode = 3 });

        Assert.Equal(FunctionErrorKind.RuntimeExit, result.Error!.Kind);
        Assert.Equal("Runtime.ExitError", result.Error.ErrorType);
        Assert.Equal($"RequestId: {result.RequestId} Error: Runtime exited with error: exit status 3", result.Error.ErrorMessage);
        Assert.NotEqual(before, await PidAsync(function));
    }

    [Theory]
    [InlineData("missing.handler", "Runtime.ImportModuleError", "Error: Cannot find module 'missing'")]
    [InlineData("index.nothing", "Runtime.HandlerNotFound", "index.nothing is undefined or not exported")]
    [InlineData("nodot", "Runtime.MalformedHandlerName", "Bad handler nodot")]
    [InlineData("init-throws.handler", "TypeError", "TypeError: configuration is missing")]
    public async Task Handler_FailsInit_FirstInvokeFailsWithInitError(string handler, string errorType, string message)
    {
        // spec C.5 #7: /init/error → the first invoke fails with that type
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-init") }, handler);
        var result = await InvokeAsync(function, new { });

        Assert.Equal(FunctionErrorKind.InitError, result.Error!.Kind);
        Assert.Equal(errorType, result.Error.ErrorType);
        Assert.Equal(message, result.Error.ErrorMessage);
    }

    [Fact]
    public async Task CallbackHandler_OnNodejs24_FailsInitAsLambdaDoes()
    {
        // spec C.5 #7 with Lambda's Node.js 24+ rule: a handler declaring a callback parameter is refused at init
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node24-cb") }, "index.callbackHandler", "AWS_Lambda_nodejs24.x");
        var result = await InvokeAsync(function, new { });

        Assert.Equal(FunctionErrorKind.InitError, result.Error!.Kind);
        Assert.Equal("Runtime.CallbackHandlerDeprecated", result.Error.ErrorType);
        Assert.StartsWith("ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24.", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsyncHandler_OnNodejs24_Runs()
    {
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node24-async") }, "index.handler", "AWS_Lambda_nodejs24.x");
        var result = await InvokeAsync(function, new { action = "echo" });

        Assert.True(result.IsSuccess, Encoding.UTF8.GetString(result.Payload.Span));
    }

    [Fact]
    public async Task CallbackHandler_OnNodejs22_RunsAndWarnsAboutNodejs24()
    {
        // Lambda's Node.js 22 runtime runs a callback handler and warns once at init
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node22-cb") }, "index.callbackHandler");
        var result = await InvokeAsync(function, new { });

        Assert.True(result.IsSuccess, Encoding.UTF8.GetString(result.Payload.Span));
        await Until.TrueAsync(() => fixture.Logs.Entries.Any(e =>
            e.Category == "DynamoStreams.LocalLambda.Function." + function.Name
            && e.Message.Contains("\tWARN\tAWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Handler_InitFailsOnce_RestartedRuntimeServesNextInvoke()
    {
        // spec C.5 #7: the runtime is restarted for the next invoke
        var marker = Path.Combine(Path.GetTempPath(), $"init-once-{Guid.NewGuid():N}");
        try
        {
            var function = await RegisterAsync(
                new LambdaFunctionOptions { Name = fixture.NewName("node-once"), Environment = new Dictionary<string, string> { ["TEST_INIT_MARKER"] = marker } },
                "init-once.handler");
            var first = await InvokeAsync(function, new { });
            Assert.Equal(FunctionErrorKind.InitError, first.Error!.Kind);
            Assert.Equal("RangeError", first.Error.ErrorType);

            var second = await InvokeAsync(function, new { });
            Assert.True(second.IsSuccess, Encoding.UTF8.GetString(second.Payload.Span));
            Assert.True(JsonDocument.Parse(second.Payload).RootElement.GetProperty("initialized").GetBoolean());
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task Function_WithConcurrency2_RunsTwoInvocationsOnDistinctProcesses()
    {
        // spec C.2: one invocation at a time per process; scale with processes
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-two"), Concurrency = 2, Timeout = TimeSpan.FromSeconds(30) });
        await Until.TrueAsync(() => function.WaitingRuntimes == 2);
        var first = InvokeAsync(function, new { action = "sleep", sleepMs = 300 });
        var second = InvokeAsync(function, new { action = "sleep", sleepMs = 300 });

        var pids = (await Task.WhenAll(first, second)).Select(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("pid").GetInt32()).ToArray();
        Assert.NotEqual(pids[0], pids[1]);
    }

    [Fact]
    public async Task Function_WithBusyProcess_ThrottlesAfterThrottleTimeout()
    {
        // B.4: no free process within the bounded wait → throttle, not a function error
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-busy"), Timeout = TimeSpan.FromSeconds(60), ThrottleTimeout = TimeSpan.FromMilliseconds(300) });
        await Until.TrueAsync(() => function.WaitingRuntimes == 1);
        using var release = new CancellationTokenSource();
        var busy = InvokeAsync(function, new { action = "sleep", sleepMs = 60_000 });
        await Until.TrueAsync(() => function.RunningInvocations == 1);

        var throttled = await InvokeAsync(function, new { action = "echo" });
        Assert.Equal(InvocationStatus.Throttled, throttled.Status);
        Assert.False(busy.IsCompleted);
        await fixture.Host.UnregisterFunctionAsync(function.Name, CancellationToken.None);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => busy);
    }

    [Fact]
    public async Task Function_Unregistered_KillsItsProcesses()
    {
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-stop") });
        var pid = await PidAsync(function);
        await fixture.Host.UnregisterFunctionAsync(function.Name, CancellationToken.None);
        await Until.TrueAsync(() => HasExited(pid));
    }

    [Fact]
    public async Task Handler_WritesToConsole_OutputReachesTheLogger()
    {
        // Process supervision: stdout captured to an ILogger, prefixed as Lambda's Node runtime does
        var function = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("node-log") });
        var result = await InvokeAsync(function, new { log = "hello from node" });
        Assert.True(result.IsSuccess);
        await Until.TrueAsync(() => fixture.Logs.Entries.Any(e =>
            e.Category == "DynamoStreams.LocalLambda.Function." + function.Name
            && e.Message.Contains($"\t{result.RequestId}\tINFO\thello from node", StringComparison.Ordinal)));
    }

    private async Task<RegisteredFunction> RegisterAsync(LambdaFunctionOptions options, string handler = "index.handler", string executionEnvironment = "AWS_Lambda_nodejs22.x") =>
        await fixture.Host.RegisterFunctionAsync(
            options,
            new NodeFunctionRunner(TestPaths.NodeFunctions, new NodeFunctionRunnerOptions { Handler = handler, ExecutionEnvironment = executionEnvironment }),
            CancellationToken.None);

    private async Task<InvocationResult> InvokeAsync(RegisteredFunction function, object payload) =>
        await fixture.InvokeJsonAsync(function, payload, s_wait);

    private async Task<int> PidAsync(RegisteredFunction function)
    {
        var result = await InvokeAsync(function, new { action = "echo" });
        Assert.True(result.IsSuccess, Encoding.UTF8.GetString(result.Payload.Span));
        return JsonDocument.Parse(result.Payload).RootElement.GetProperty("pid").GetInt32();
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
