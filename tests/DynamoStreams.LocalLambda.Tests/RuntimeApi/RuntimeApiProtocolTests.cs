using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.Infrastructure;

namespace DynamoStreams.LocalLambda.Tests.RuntimeApi;

/// <summary>
/// Drives the Runtime API over raw HTTP as a runtime would (a process started elsewhere, on the function's shared path).
/// </summary>
public sealed partial class RuntimeApiProtocolTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Next_WhenInvoked_ReturnsEventWithEveryHeader()
    {
        // spec C.5 #1, C.1 headers
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("next"), Timeout = TimeSpan.FromSeconds(30) });
        var next = client.NextAsync();
        var payload = """{"hello":"world"}"""u8.ToArray();
        var invoke = fixture.Host.InvokeAsync(function.Name, payload, null, CancellationToken.None);

        using var response = await next.WaitAsync(s_wait);
        var received = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(payload, await response.Content.ReadAsByteArrayAsync());
        var requestId = RawRuntimeClient.RequestIdOf(response);
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:function:{function.Name}", response.Headers.GetValues("Lambda-Runtime-Invoked-Function-Arn").Single());
        Assert.Matches(XRayHeader(), response.Headers.GetValues("Lambda-Runtime-Trace-Id").Single());
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(response.Headers.GetValues("Lambda-Runtime-Deadline-Ms").Single(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(deadline - received, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
        Assert.False(response.Headers.Contains("Lambda-Runtime-Client-Context"));

        using var accepted = await client.RespondAsync(requestId, """{"ok":true}"""u8.ToArray());
        var result = await invoke.WaitAsync(s_wait);
        Assert.Equal(InvocationStatus.Succeeded, result.Status);
        Assert.Equal(requestId, result.RequestId);
        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(result.Payload.Span));
        Assert.Equal(response.Headers.GetValues("Lambda-Runtime-Trace-Id").Single(), result.TraceId);
    }

    [Fact]
    public async Task Next_WithClientContextAndIdentity_SendsBothHeaders()
    {
        // spec C.1: optional headers only when present
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("ctx") });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), new InvokeOptions { ClientContext = """{"custom":{}}""", CognitoIdentity = """{"identityId":"x"}""" }, CancellationToken.None);
        using var response = await client.NextAsync().WaitAsync(s_wait);
        Assert.Equal("""{"custom":{}}""", response.Headers.GetValues("Lambda-Runtime-Client-Context").Single());
        Assert.Equal("""{"identityId":"x"}""", response.Headers.GetValues("Lambda-Runtime-Cognito-Identity").Single());
        using var accepted = await client.RespondAsync(RawRuntimeClient.RequestIdOf(response), "null"u8.ToArray());
        Assert.True((await invoke.WaitAsync(s_wait)).IsSuccess);
    }

    [Fact]
    public async Task Response_RepeatedOrUnknownId_Returns400InvalidRequestId()
    {
        // spec C.5 #2
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("ids") });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);
        var requestId = RawRuntimeClient.RequestIdOf(next);

        using var first = await client.RespondAsync(requestId, "1"u8.ToArray());
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);

        using var repeated = await client.RespondAsync(requestId, "2"u8.ToArray());
        await AssertInvalidRequestIdAsync(repeated);
        using var unknown = await client.RespondAsync(Guid.NewGuid().ToString(), "3"u8.ToArray());
        await AssertInvalidRequestIdAsync(unknown);
        using var unknownError = await client.ErrorAsync(Guid.NewGuid().ToString(), null, "System.Exception");
        await AssertInvalidRequestIdAsync(unknownError);
        Assert.Equal("1", Encoding.UTF8.GetString((await invoke.WaitAsync(s_wait)).Payload.Span));
    }

    [Fact]
    public async Task Error_WithErrorTypeHeaderAndBody_ReturnsAcceptedAndFunctionError()
    {
        // spec C.5 #3, B.4: an exception is a function error
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("err") });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);
        const string Body = """{"errorMessage":"boom","errorType":"System.Exception","stackTrace":["at A.B()","at C.D()"]}""";

        using var accepted = await client.ErrorAsync(RawRuntimeClient.RequestIdOf(next), Body, "System.Exception");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await accepted.Content.ReadAsStringAsync());
        var result = await invoke.WaitAsync(s_wait);
        Assert.Equal(InvocationStatus.FunctionError, result.Status);
        Assert.Equal(FunctionErrorKind.Unhandled, result.Error!.Kind);
        Assert.Equal("System.Exception", result.Error.ErrorType);
        Assert.Equal("boom", result.Error.ErrorMessage);
        Assert.Equal(["at A.B()", "at C.D()"], result.Error.StackTrace);
        Assert.Equal(Body, Encoding.UTF8.GetString(result.Payload.Span));
    }

    [Fact]
    public async Task Error_WithoutBody_Returns202JsonAndHeaderDefinesError()
    {
        // spec C.5 #4: no 202 is ever sent with an empty body; C.1: with no body the header defines the error
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("nobody") });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);

        using var accepted = await client.ErrorAsync(RawRuntimeClient.RequestIdOf(next), null, "Runtime.NoSuchHandler");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await accepted.Content.ReadAsStringAsync());
        var result = await invoke.WaitAsync(s_wait);
        Assert.Equal("Runtime.NoSuchHandler", result.Error!.ErrorType);
        using var document = JsonDocument.Parse(result.Payload);
        Assert.Equal("Runtime.NoSuchHandler", document.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task Response_Over6MB_Returns413AndFunctionError()
    {
        // spec C.5 #5, C.1: response > 6 MB → 413 and a failed invocation
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("big") });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);
        var requestId = RawRuntimeClient.RequestIdOf(next);

        using var tooLarge = await client.RespondAsync(requestId, new byte[7 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        using (var body = JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync()))
        {
            Assert.Equal("RequestEntityTooLarge", body.RootElement.GetProperty("errorType").GetString());
        }

        var result = await invoke.WaitAsync(s_wait);
        Assert.Equal(FunctionErrorKind.ResponseTooLarge, result.Error!.Kind);
        Assert.Equal("Function.ResponseSizeTooLarge", result.Error.ErrorType);
        Assert.Equal("Response payload size (7340032 bytes) exceeded maximum allowed payload size (6291556 bytes).", result.Error.ErrorMessage);
        using var again = await client.RespondAsync(requestId, "1"u8.ToArray());
        await AssertInvalidRequestIdAsync(again);
    }

    [Fact]
    public async Task InitError_BeforeFirstInvoke_FailsOnlyTheFirstInvoke()
    {
        // spec C.5 #7, C.2: /init/error is surfaced to the first invoke
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("init") });
        using var accepted = await client.InitErrorAsync("""{"errorMessage":"cannot load","errorType":"Runtime.ImportModuleError"}""", "Runtime.ImportModuleError");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await accepted.Content.ReadAsStringAsync());

        var first = await fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None).WaitAsync(s_wait);
        Assert.Equal(FunctionErrorKind.InitError, first.Error!.Kind);
        Assert.Equal("Runtime.ImportModuleError", first.Error.ErrorType);
        Assert.Equal("cannot load", first.Error.ErrorMessage);

        var second = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);
        using var response = await client.RespondAsync(RawRuntimeClient.RequestIdOf(next), "2"u8.ToArray());
        Assert.True((await second.WaitAsync(s_wait)).IsSuccess);
    }

    [Fact]
    public async Task Invoke_PastDeadline_FailsAsSandboxTimedoutAndLateResponseIsRejected()
    {
        // spec C.2: missing the deadline ⇒ Sandbox.Timedout, "Task timed out after N.NN seconds"
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("late"), Timeout = TimeSpan.FromSeconds(1) });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);
        var requestId = RawRuntimeClient.RequestIdOf(next);

        var result = await invoke.WaitAsync(s_wait);
        Assert.Equal(FunctionErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal("Sandbox.Timedout", result.Error.ErrorType);
        Assert.Matches($"^RequestId: {requestId} Error: Task timed out after [1-9]\\d*\\.\\d\\d seconds$", result.Error.ErrorMessage);
        using var late = await client.RespondAsync(requestId, "1"u8.ToArray());
        await AssertInvalidRequestIdAsync(late);
    }

    [Fact]
    public async Task Invoke_WithDebuggerAttached_IsNotTimedOut()
    {
        // Issue 7: a paused handler under a debugger must not be failed by the timeout.
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("debug"), Timeout = TimeSpan.FromSeconds(1), DebuggerAttached = true });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);
        var deadline = long.Parse(next.Headers.GetValues("Lambda-Runtime-Deadline-Ms").Single(), System.Globalization.CultureInfo.InvariantCulture);
        while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() <= deadline + 500)
        {
            await Task.Delay(100);
        }

        Assert.False(invoke.IsCompleted);
        using var response = await client.RespondAsync(RawRuntimeClient.RequestIdOf(next), "1"u8.ToArray());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True((await invoke.WaitAsync(s_wait)).IsSuccess);
    }

    [Fact]
    public async Task Invoke_WithNoRuntimePolling_IsThrottled()
    {
        // B.4: throttle is not a function error
        var (function, _) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("throttle"), ThrottleTimeout = TimeSpan.FromMilliseconds(200) });
        var result = await fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None).WaitAsync(s_wait);
        Assert.Equal(InvocationStatus.Throttled, result.Status);
        Assert.Null(result.Error);
        Assert.False(result.IsFunctionError);
    }

    [Fact]
    public async Task Invoke_CanceledWhileQueued_IsNeverDelivered()
    {
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("cancel") });
        using var cancel = new CancellationTokenSource();
        var canceled = fixture.Host.InvokeAsync(function.Name, "1"u8.ToArray(), null, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);

        var invoke = fixture.Host.InvokeAsync(function.Name, "2"u8.ToArray(), null, CancellationToken.None);
        using var next = await client.NextAsync().WaitAsync(s_wait);
        Assert.Equal("2", await next.Content.ReadAsStringAsync());
        using var response = await client.RespondAsync(RawRuntimeClient.RequestIdOf(next), "1"u8.ToArray());
        Assert.True((await invoke.WaitAsync(s_wait)).IsSuccess);
    }

    [Fact]
    public async Task Unregister_WithWaitingRuntimeAndCaller_Answers500AndFailsCaller()
    {
        // spec C.1: /next 500 means the runtime must exit
        var (function, client) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("gone"), ThrottleTimeout = TimeSpan.FromMinutes(5) });
        var invoke = fixture.Host.InvokeAsync(function.Name, "{}"u8.ToArray(), null, CancellationToken.None);
        using var first = await client.NextAsync().WaitAsync(s_wait);
        var waiting = client.NextAsync();
        await Until.TrueAsync(() => function.WaitingRuntimes == 1);

        Assert.True(await fixture.Host.UnregisterFunctionAsync(function.Name, CancellationToken.None));
        using var stopped = await waiting.WaitAsync(s_wait);
        Assert.Equal(HttpStatusCode.InternalServerError, stopped.StatusCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => invoke.WaitAsync(s_wait));
        using var unknown = await client.NextAsync().WaitAsync(s_wait);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Invoke_BadCalls_ThrowWithClearMessages()
    {
        var (function, _) = await RegisterAsync(new LambdaFunctionOptions { Name = fixture.NewName("bad") });
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Host.InvokeAsync("nope", "{}"u8.ToArray(), null, CancellationToken.None));
        Assert.StartsWith("Function not found: nope.", missing.Message, StringComparison.Ordinal);
        var large = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Host.InvokeAsync(function.Name, new byte[6_291_457], null, CancellationToken.None));
        Assert.Contains("limit 6291456 bytes", large.Message, StringComparison.Ordinal);
        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Host.RegisterFunctionAsync(new LambdaFunctionOptions { Name = function.Name }, null, CancellationToken.None));
        Assert.Contains("already registered", duplicate.Message, StringComparison.Ordinal);
        var timeout = Assert.Throws<ArgumentException>(() => new LambdaFunctionOptions { Name = "x", Timeout = TimeSpan.FromSeconds(901) }.Validate());
        Assert.Contains("use 1 to 900 seconds", timeout.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LambdaFunctionOptions { Name = "bad/name" }.Validate());
    }

    private async Task<(RegisteredFunction Function, RawRuntimeClient Client)> RegisterAsync(LambdaFunctionOptions options)
    {
        var function = await fixture.Host.RegisterFunctionAsync(options, null, CancellationToken.None);
        Assert.Equal($"{fixture.Host.Authority}/{options.Name}", function.RuntimeApiAddress);
        return (function, new RawRuntimeClient(fixture.Http, function.RuntimeApiAddress));
    }

    private static async Task AssertInvalidRequestIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}""", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=[01]$")]
    private static partial Regex XRayHeader();
}
