using System.Buffers;
using System.Text;
using DynamoStreams.Lambda.DynamoDBEvents;
using DynamoStreams.Lambda.Tests.DynamoDBEvents;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.Lambda.Tests.Runtime;

/// <summary>
/// The runtime loop in the test process against the real Runtime API host over loopback HTTP.
/// </summary>
public sealed class LambdaRuntimeLoopTests(RuntimeApiFixture fixture) : IClassFixture<RuntimeApiFixture>
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    // spec C.1: /response carries the handler's JSON; the DynamoDB event binds and batchItemFailures come back
    [Fact]
    public async Task RunAsync_DynamoDBStreamHandler_PostsBatchItemFailures()
    {
        var function = await fixture.RegisterAsync("ddb");
        await using var loop = Start(function, LambdaHandler.ForDynamoDBStream((evt, _) => Task.FromResult(new StreamsEventResponse
        {
            BatchItemFailures = [new() { ItemIdentifier = evt.Records[1].Dynamodb!.SequenceNumber }],
        })));

        var result = await fixture.InvokeAsync(function, AwsSampleEvents.StreamRecordEvent);

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"222"}]}""", Encoding.UTF8.GetString(result.Payload.Span));
    }

    // spec C.1, C.5 #3: an unhandled exception goes to /error with errorType, errorMessage and stackTrace; the loop goes on
    [Fact]
    public async Task RunAsync_HandlerThrows_ReportsErrorAndKeepsServing()
    {
        var function = await fixture.RegisterAsync("throw");
        var calls = 0;
        await using var loop = Start(function, LambdaHandler.ForDynamoDBStream((_, _) => ++calls == 1
            ? throw new InvalidOperationException("Order 42 has no amount.")
            : Task.FromResult(new StreamsEventResponse())));

        var failed = await fixture.InvokeAsync(function, AwsSampleEvents.StreamRecordEvent);
        var next = await fixture.InvokeAsync(function, AwsSampleEvents.StreamRecordEvent);

        Assert.Equal(InvocationStatus.FunctionError, failed.Status);
        Assert.Equal(FunctionErrorKind.Unhandled, failed.Error!.Kind);
        Assert.Equal("InvalidOperationException", failed.Error.ErrorType);
        Assert.Equal("Order 42 has no amount.", failed.Error.ErrorMessage);
        Assert.Contains(failed.Error.StackTrace, line => line.StartsWith("at ", StringComparison.Ordinal));
        Assert.True(next.IsSuccess);
        Assert.Contains("Order 42 has no amount.", _error.ToString(), StringComparison.Ordinal);
    }

    // spec B.3 / C.1: an event that does not bind fails the invocation as Lambda's serializer does
    [Fact]
    public async Task RunAsync_MalformedEvent_ReportsJsonSerializerException()
    {
        var function = await fixture.RegisterAsync("bad-json");
        await using var loop = Start(function, LambdaHandler.ForDynamoDBStream((_, _) => Task.FromResult(new StreamsEventResponse())));

        var result = await fixture.InvokeAsync(function, """{"Records": 5}""");

        Assert.Equal("JsonSerializerException", result.Error!.ErrorType);
        Assert.StartsWith("Error converting the Lambda event JSON payload to type DynamoStreams.Lambda.DynamoDBEvents.DynamoDBEvent", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    // spec C.1, C.5 #7: init failures go to /runtime/init/error, the runtime exits non-zero, the first invoke fails with it
    [Fact]
    public async Task RunAsync_InitializerThrows_ReportsInitErrorAndReturnsOne()
    {
        var function = await fixture.RegisterAsync("init");

        var exitCode = await LambdaRuntime.RunAsync(
            _ => throw new InvalidOperationException("Set TOTALS_TABLE_NAME to the name of the totals table."),
            Options(function),
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var result = await fixture.InvokeAsync(function, "{}");

        Assert.Equal(1, exitCode);
        Assert.Equal(FunctionErrorKind.InitError, result.Error!.Kind);
        Assert.Contains("Set TOTALS_TABLE_NAME to the name of the totals table.", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    // spec C.1, C.3: the context carries the /next headers and the function's environment; the logger tags lines
    [Fact]
    public async Task RunAsync_Invocation_ContextCarriesHeadersAndEnvironment()
    {
        var function = await fixture.RegisterAsync("context", timeout: TimeSpan.FromSeconds(20));
        ILambdaContext? seen = null;
        TimeSpan remaining = default;
        await using var loop = Start(function, LambdaHandler.FromBytes((_, _, context) =>
        {
            seen = context;
            remaining = context.RemainingTime;
            context.Logger.LogInformation("hello from the handler");
            context.Logger.LogError("something broke");
            return ValueTask.CompletedTask;
        }));

        var result = await fixture.InvokeAsync(function, "{}", new InvokeOptions
        {
            ClientContext = """{"client":{}}""",
            CognitoIdentity = """{"cognitoIdentityId":"id"}""",
        });

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(0, result.Payload.Length);
        Assert.NotNull(seen);
        Assert.Equal(result.RequestId, seen.AwsRequestId);
        Assert.Equal(function.FunctionArn, seen.InvokedFunctionArn);
        Assert.Equal(result.TraceId, seen.TraceId);
        Assert.StartsWith("Root=1-", seen.TraceId, StringComparison.Ordinal);
        Assert.Equal("""{"client":{}}""", seen.ClientContext);
        Assert.Equal("""{"cognitoIdentityId":"id"}""", seen.Identity);
        Assert.Equal("order-totals", seen.FunctionName);
        Assert.Equal("$LATEST", seen.FunctionVersion);
        Assert.Equal(256, seen.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/order-totals", seen.LogGroupName);
        Assert.Equal("2026/01/01/[$LATEST]abc", seen.LogStreamName);
        Assert.InRange(remaining, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains($"\t{seen.AwsRequestId}\tINFO\thello from the handler", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\t{seen.AwsRequestId}\tERROR\tsomething broke", _error.ToString(), StringComparison.Ordinal);
    }

    // spec C.1: a stream handler sees the event bytes and its stream becomes the response body
    [Fact]
    public async Task RunAsync_StreamHandler_EchoesPayload()
    {
        var function = await fixture.RegisterAsync("stream");
        await using var loop = Start(function, LambdaHandler.FromStream(async (input, _) =>
        {
            var copy = new MemoryStream();
            await input.CopyToAsync(copy);
            copy.Position = 0;
            return copy;
        }));

        var result = await fixture.InvokeAsync(function, """{"echo":"é"}""");

        Assert.Equal("""{"echo":"é"}""", Encoding.UTF8.GetString(result.Payload.Span));
    }

    // spec C.1, C.5 #5: a 7 MB response is refused with 413 and fails that invocation only; the loop keeps serving
    [Fact]
    public async Task RunAsync_ResponseOver6MB_FailsThatInvocationAndKeepsServing()
    {
        var function = await fixture.RegisterAsync("large");
        await using var loop = Start(function, LambdaHandler.FromBytes((payload, output, _) =>
        {
            if (payload.Span.SequenceEqual("\"large\""u8))
            {
                var body = output.GetSpan(7 * 1024 * 1024)[..(7 * 1024 * 1024)];
                body.Fill((byte)' ');
                body[0] = (byte)'"';
                body[^1] = (byte)'"';
                output.Advance(body.Length);
            }
            else
            {
                output.Write("\"ok\""u8);
            }

            return ValueTask.CompletedTask;
        }));

        var rejected = await fixture.InvokeAsync(function, "\"large\"");
        var accepted = await fixture.InvokeAsync(function, "\"small\"");

        Assert.Equal(InvocationStatus.FunctionError, rejected.Status);
        Assert.True(accepted.IsSuccess, accepted.Error?.ErrorMessage);
        Assert.Equal("\"ok\"", Encoding.UTF8.GetString(accepted.Payload.Span));
        Assert.Contains("answered 413", _error.ToString(), StringComparison.Ordinal);
    }

    // spec C.1: /next answering 500 (the function was removed) means the runtime must exit
    [Fact]
    public async Task RunAsync_FunctionUnregistered_ReturnsOne()
    {
        var function = await fixture.RegisterAsync("gone");
        var run = LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), Options(function));
        await Until(() => function.WaitingRuntimes == 1);

        await fixture.Host.UnregisterFunctionAsync(function.Name, CancellationToken.None);

        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("answered 500", _error.ToString(), StringComparison.Ordinal);
    }

    // spec C.1: cancellation (what SIGTERM triggers) ends a loop waiting on /next with exit code 0
    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_ReturnsZero()
    {
        var function = await fixture.RegisterAsync("cancel");
        using var cts = new CancellationTokenSource();
        var run = LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), Options(function), cts.Token);
        await Until(() => function.WaitingRuntimes == 1);

        await cts.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    // spec C.1: shutdown during an invocation cancels the handler's token; its outcome is still posted
    [Fact]
    public async Task RunAsync_CancelledDuringInvocation_HandlerTokenFiresAndOutcomeIsPosted()
    {
        var function = await fixture.RegisterAsync("cancel-running");
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = LambdaRuntime.RunAsync(
            LambdaHandler.FromBytes(async (_, _, context) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }),
            Options(function),
            cts.Token);

        var invocation = fixture.InvokeAsync(function, "{}");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cts.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("TaskCanceledException", (await invocation).Error!.ErrorType);
    }

    // spec C.1: without AWS_LAMBDA_RUNTIME_API the process says what is missing and exits non-zero
    [Fact]
    public async Task RunAsync_NoRuntimeApi_ReturnsOneWithClearMessage()
    {
        var options = Options(null);
        options.EnvironmentVariables = new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = " " };

        var exitCode = await LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), options);

        Assert.Equal(1, exitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", _error.ToString(), StringComparison.Ordinal);
    }

    // spec C.1: the base is http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01, so a scheme or a missing port is a configuration error
    [Theory]
    [InlineData("http://127.0.0.1:9001", "without a scheme")]
    [InlineData("127.0.0.1", "is not a valid host:port")]
    public async Task RunAsync_MalformedRuntimeApi_ReturnsOneWithClearMessage(string value, string expected)
    {
        var options = Options(null);
        options.RuntimeApi = value;

        var exitCode = await LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), options);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, _error.ToString(), StringComparison.Ordinal);
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private LambdaRuntimeOptions Options(RegisteredFunction? function) => new()
    {
        RuntimeApi = function?.RuntimeApiAddress,
        OwnsProcess = false,
        StandardOutput = TextWriter.Synchronized(_out),
        StandardError = TextWriter.Synchronized(_error),
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = "order-totals",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/order-totals",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/01/01/[$LATEST]abc",
        },
    };

    private RunningLoop Start(RegisteredFunction function, LambdaHandler handler)
    {
        var cts = new CancellationTokenSource();
        return new RunningLoop(LambdaRuntime.RunAsync(handler, Options(function), cts.Token), cts);
    }

    /// <summary>A runtime loop running in the test process; disposing stops it and checks it ended cleanly.</summary>
    private sealed class RunningLoop(Task<int> run, CancellationTokenSource cts) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await cts.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
            cts.Dispose();
        }
    }
}
