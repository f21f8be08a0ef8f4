using System.Text;
using System.Text.Json;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.Infrastructure;

namespace DynamoStreams.LocalLambda.Tests.Processes;

/// <summary>
/// Checks the shim's event-loop rules against AWS's Node.js runtime (docs: lambda/latest/dg/nodejs-context.html,
/// nodejs-handler.html; aws-lambda-nodejs-runtime-interface-client CallbackContext.js, Errors.js) with real Node
/// processes (tests/TestFunctions/node/event-loop.js).
/// </summary>
public sealed class NodeEventLoopTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CallbackHandler_DefaultWaitsForEmptyEventLoop_SendsResultAfterPendingWork()
    {
        // Node runtime: callbackWaitsForEmptyEventLoop defaults to true; the result leaves when the event loop is
        // empty and is serialized then, so the pending work's change to it is in the response
        var function = await RegisterAsync("event-loop.pendingWork");
        var root = await SucceedAsync(function, new { });

        Assert.True(root.GetProperty("waits").GetBoolean());
        Assert.True(root.GetProperty("pendingWorkDone").GetBoolean());
    }

    [Fact]
    public async Task CallbackHandler_DoesNotWaitForEmptyEventLoop_SendsResultAtOnceAndWorkCarriesOn()
    {
        // Node runtime: callbackWaitsForEmptyEventLoop = false sends the result at once; the pending work is not
        // lost (in AWS it resumes with the thawed sandbox, locally it keeps running) and the next invocation sees it
        var function = await RegisterAsync("event-loop.pendingWork");
        var first = await SucceedAsync(function, new { dontWait = true });
        var second = await SucceedAsync(function, new { dontWait = true });

        Assert.False(first.GetProperty("waits").GetBoolean());
        Assert.False(first.GetProperty("pendingWorkDone").GetBoolean());
        Assert.Equal(0, first.GetProperty("backgroundWorkDoneBefore").GetInt32());
        Assert.Equal(1, second.GetProperty("backgroundWorkDoneBefore").GetInt32());
    }

    [Fact]
    public async Task CallbackHandler_EventLoopNeverEmpties_TimesOutUnlessItDoesNotWait()
    {
        // Node runtime: with the default, an open handle (interval, connection) keeps the result from leaving, so
        // the invocation times out (spec C.2: Sandbox.Timedout, process replaced); without waiting it succeeds
        var function = await RegisterAsync("event-loop.busyLoop", TimeSpan.FromSeconds(1));
        var waiting = await InvokeAsync(function, new { });
        Assert.Equal("Sandbox.Timedout", waiting.Error?.ErrorType);

        var root = await SucceedAsync(function, new { dontWait = true });
        Assert.True(root.GetProperty("pid").GetInt32() > 0);
        Assert.True((await InvokeAsync(function, new { dontWait = true })).IsSuccess);
    }

    [Fact]
    public async Task AsyncHandler_WithPendingWork_AnswersWhenThePromiseSettles()
    {
        // Node runtime: a returned promise answers as it settles; the event loop is not waited for
        var function = await RegisterAsync("event-loop.asyncPendingWork");
        var root = await SucceedAsync(function, new { });

        Assert.False(root.GetProperty("pendingWorkDone").GetBoolean());
    }

    [Fact]
    public async Task Handler_NeverAnswers_GetsNullWhenEventLoopEmpties()
    {
        // Node runtime: a handler that neither calls back nor returns a promise answers null once the loop is empty
        var function = await RegisterAsync("event-loop.neverAnswers");
        var result = await InvokeAsync(function, new { });

        Assert.True(result.IsSuccess, Encoding.UTF8.GetString(result.Payload.Span));
        Assert.Equal("null", Encoding.UTF8.GetString(result.Payload.Span));
    }

    [Fact]
    public async Task Handler_AnswersTwice_OnlyFirstAnswerCounts()
    {
        // Node runtime: the callback and context.done/succeed/fail answer once per invocation
        var function = await RegisterAsync("event-loop.answersTwice");
        var first = await SucceedAsync(function, new { });
        var second = await SucceedAsync(function, new { });

        Assert.True(first.GetProperty("first").GetBoolean());
        Assert.True(second.GetProperty("first").GetBoolean());
    }

    [Theory]
    [InlineData("fail-without-reason", "string", "handled")]
    [InlineData("rejected-without-reason", "string", "handled")]
    [InlineData("object", "object", "[object Object]")]
    [InlineData("string", "string", "plain text")]
    public async Task Handler_FailsWithNonError_ReportsTypeofAndStringForm(string form, string errorType, string errorMessage)
    {
        // Node runtime (Errors.toRapidResponse): a value that is not an Error gives errorType = typeof, errorMessage =
        // its string form, an empty trace; fail() or a rejection without a reason fails as 'handled'
        var function = await RegisterAsync("event-loop.failsWith");
        var result = await InvokeAsync(function, new { form });

        Assert.Equal(InvocationStatus.FunctionError, result.Status);
        Assert.Equal(errorType, result.Error!.ErrorType);
        Assert.Equal(errorMessage, result.Error.ErrorMessage);
        using var document = JsonDocument.Parse(result.Payload);
        Assert.Equal(0, document.RootElement.GetProperty("trace").GetArrayLength());
    }

    [Fact]
    public async Task Handler_LeavesUnhandledRejection_FailsInvocationAndRuntimeIsReplaced()
    {
        // Node runtime: an unhandled rejection fails the invocation as Runtime.UnhandledPromiseRejection and the
        // runtime exits (spec C.2: the host restarts it, the next invocation works)
        var function = await RegisterAsync("event-loop.unhandledRejection", TimeSpan.FromSeconds(30));
        var result = await InvokeAsync(function, new { });

        Assert.Equal(InvocationStatus.FunctionError, result.Status);
        Assert.Equal("Runtime.UnhandledPromiseRejection", result.Error!.ErrorType);
        Assert.Equal("Error: nobody awaited this", result.Error.ErrorMessage);
        Assert.Equal("Runtime.UnhandledPromiseRejection", (await InvokeAsync(function, new { })).Error?.ErrorType);
    }

    // The callback and event-loop rules are those of nodejs22.x, the newest runtime that still runs callback handlers
    // (nodejs24.x, the default, refuses them at init).
    private const string CallbackRuntime = "AWS_Lambda_nodejs22.x";

    private async Task<RegisteredFunction> RegisterAsync(string handler, TimeSpan? timeout = null) =>
        await fixture.Host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = fixture.NewName("node-loop"), Timeout = timeout ?? TimeSpan.FromSeconds(10) },
            new NodeFunctionRunner(TestPaths.NodeFunctions, new NodeFunctionRunnerOptions { Handler = handler, ExecutionEnvironment = CallbackRuntime }),
            CancellationToken.None);

    private async Task<InvocationResult> InvokeAsync(RegisteredFunction function, object payload) =>
        await fixture.InvokeJsonAsync(function, payload, s_wait);

    private async Task<JsonElement> SucceedAsync(RegisteredFunction function, object payload)
    {
        var result = await InvokeAsync(function, payload);
        Assert.True(result.IsSuccess, Encoding.UTF8.GetString(result.Payload.Span));
        return JsonDocument.Parse(result.Payload).RootElement.Clone();
    }
}
