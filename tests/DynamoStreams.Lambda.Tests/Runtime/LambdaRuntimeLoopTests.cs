using System.Buffers;
using System.Text.Json;
using DynamoStreams.Lambda.DynamoDBEvents;
using DynamoStreams.Lambda.Tests.DynamoDBEvents;

namespace DynamoStreams.Lambda.Tests.Runtime;

public sealed class LambdaRuntimeLoopTests(RuntimeApiFixture fixture) : IClassFixture<RuntimeApiFixture>
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    // spec C.1: /response carries the handler's JSON; the DynamoDB event binds and batchItemFailures come back
    [Fact]
    public async Task RunAsync_DynamoDBStreamHandler_PostsBatchItemFailures()
    {
        await using var loop = Start(LambdaHandler.ForDynamoDBStream((evt, _) => Task.FromResult(new StreamsEventResponse
        {
            BatchItemFailures = [new() { ItemIdentifier = evt.Records[1].Dynamodb!.SequenceNumber }],
        })));

        var posted = await fixture.Api.InvokeAsync(AwsSampleEvents.StreamRecordEvent);

        Assert.Equal("response", posted.Kind);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"222"}]}""", posted.Body);
        Assert.Equal("application/json", posted.ContentType);
    }

    // spec C.1: an unhandled exception goes to /error as {"errorMessage","errorType","stackTrace"} with the error-type header
    [Fact]
    public async Task RunAsync_HandlerThrows_PostsErrorAndKeepsServing()
    {
        var calls = 0;
        await using var loop = Start(LambdaHandler.ForDynamoDBStream((_, _) => ++calls == 1
            ? throw new InvalidOperationException("Order 42 has no amount.")
            : Task.FromResult(new StreamsEventResponse())));

        var failed = await fixture.Api.InvokeAsync(AwsSampleEvents.StreamRecordEvent);
        var next = await fixture.Api.InvokeAsync(AwsSampleEvents.StreamRecordEvent);

        Assert.Equal("error", failed.Kind);
        Assert.Equal("application/vnd.aws.lambda.error+json", failed.ContentType);
        Assert.Equal("InvalidOperationException", failed.ErrorType);
        using var body = JsonDocument.Parse(failed.Body);
        Assert.Equal("Order 42 has no amount.", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains(body.RootElement.GetProperty("stackTrace").EnumerateArray(), line => line.GetString()!.StartsWith("at ", StringComparison.Ordinal));
        Assert.Equal("response", next.Kind);
        Assert.Contains("Order 42 has no amount.", _error.ToString(), StringComparison.Ordinal);
    }

    // spec B.3 / C.1: an event that does not bind fails the invocation as Lambda's serializer does
    [Fact]
    public async Task RunAsync_MalformedEvent_ReportsJsonSerializerException()
    {
        await using var loop = Start(LambdaHandler.ForDynamoDBStream((_, _) => Task.FromResult(new StreamsEventResponse())));

        var posted = await fixture.Api.InvokeAsync("""{"Records": 5}""");

        Assert.Equal("error", posted.Kind);
        Assert.Equal("JsonSerializerException", posted.ErrorType);
        Assert.Contains("Error converting the Lambda event JSON payload to type DynamoStreams.Lambda.DynamoDBEvents.DynamoDBEvent", posted.Body, StringComparison.Ordinal);
    }

    // spec C.1: init failures go to /runtime/init/error, then the runtime exits non-zero
    [Fact]
    public async Task RunAsync_InitializerThrows_PostsInitErrorAndReturnsOne()
    {
        var exitCode = await LambdaRuntime.RunAsync(
            _ => throw new InvalidOperationException("Set TOTALS_TABLE to the name of the totals table."),
            Options(),
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var posted = await fixture.Api.InitErrorAsync();
        Assert.Equal(1, exitCode);
        Assert.Equal("InvalidOperationException", posted.ErrorType);
        Assert.Equal("application/vnd.aws.lambda.error+json", posted.ContentType);
        using var body = JsonDocument.Parse(posted.Body);
        Assert.Equal("Set TOTALS_TABLE to the name of the totals table.", body.RootElement.GetProperty("errorMessage").GetString());
    }

    // spec C.1/C.3: the context carries the /next headers and the function's environment
    [Fact]
    public async Task RunAsync_Invocation_ContextCarriesHeadersAndEnvironment()
    {
        ILambdaContext? seen = null;
        TimeSpan remaining = default;
        await using var loop = Start(LambdaHandler.FromBytes((_, _, context) =>
        {
            seen = context;
            remaining = context.RemainingTime;
            context.Logger.LogInformation("hello from the handler");
            context.Logger.LogError("something broke");
            return ValueTask.CompletedTask;
        }));

        var posted = await fixture.Api.InvokeAsync("{}", new Dictionary<string, string>
        {
            ["Lambda-Runtime-Client-Context"] = """{"client":{}}""",
            ["Lambda-Runtime-Cognito-Identity"] = """{"cognitoIdentityId":"id"}""",
        });

        Assert.Equal("response", posted.Kind);
        Assert.Equal(string.Empty, posted.Body);
        Assert.NotNull(seen);
        Assert.True(Guid.TryParse(seen.AwsRequestId, out _));
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:fn", seen.InvokedFunctionArn);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", seen.TraceId);
        Assert.Equal("""{"client":{}}""", seen.ClientContext);
        Assert.Equal("""{"cognitoIdentityId":"id"}""", seen.Identity);
        Assert.Equal("order-totals", seen.FunctionName);
        Assert.Equal("$LATEST", seen.FunctionVersion);
        Assert.Equal(256, seen.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/order-totals", seen.LogGroupName);
        Assert.Equal("2026/01/01/[$LATEST]abc", seen.LogStreamName);
        Assert.InRange(remaining, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(31));
        Assert.Contains($"\t{seen.AwsRequestId}\tINFO\thello from the handler", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\t{seen.AwsRequestId}\tERROR\tsomething broke", _error.ToString(), StringComparison.Ordinal);
    }

    // spec C.1: a stream handler sees the event bytes and its stream becomes the response body
    [Fact]
    public async Task RunAsync_StreamHandler_EchoesPayload()
    {
        await using var loop = Start(LambdaHandler.FromStream(async (input, _) =>
        {
            var copy = new MemoryStream();
            await input.CopyToAsync(copy);
            copy.Position = 0;
            return copy;
        }));

        var posted = await fixture.Api.InvokeAsync("""{"echo":"é"}""");

        Assert.Equal("""{"echo":"é"}""", posted.Body);
    }

    // spec C.1: a rejected response (413) fails that invocation only; the loop keeps serving
    [Fact]
    public async Task RunAsync_ResponseRejected_LogsAndKeepsServing()
    {
        await using var loop = Start(LambdaHandler.FromBytes((_, output, _) =>
        {
            output.Write("\"ok\""u8);
            return ValueTask.CompletedTask;
        }));
        fixture.Api.ResponseStatus = 413;
        StandInRuntimeApi.Posted rejected;
        try
        {
            rejected = await fixture.Api.InvokeAsync("{}");
        }
        finally
        {
            fixture.Api.ResponseStatus = 202;
        }

        var accepted = await fixture.Api.InvokeAsync("{}");

        Assert.Equal("rejected", rejected.Kind);
        Assert.Equal("response", accepted.Kind);
        Assert.Equal("\"ok\"", accepted.Body);
        Assert.Contains("answered 413", _error.ToString(), StringComparison.Ordinal);
    }

    // spec C.1: /next answering 500 means the runtime must exit
    [Fact]
    public async Task RunAsync_NextAnswers500_ReturnsOne()
    {
        fixture.Api.NextStatus = 500;
        try
        {
            var exitCode = await LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), Options()).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, exitCode);
            Assert.Contains("answered 500", _error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            fixture.Api.NextStatus = null;
        }
    }

    // spec C.1: cancellation (what SIGTERM triggers) ends a loop waiting on /next with exit code 0
    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_ReturnsZero()
    {
        using var cts = new CancellationTokenSource();
        var run = LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), Options(), cts.Token);

        await cts.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    // spec C.1: cancellation during an invocation cancels the handler's token; the handler's outcome is still posted
    [Fact]
    public async Task RunAsync_CancelledDuringInvocation_HandlerTokenFiresAndOutcomeIsPosted()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = LambdaRuntime.RunAsync(
            LambdaHandler.FromBytes(async (_, _, context) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }),
            Options(),
            cts.Token);

        var posted = fixture.Api.InvokeAsync("{}");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        var result = await posted;
        Assert.Equal("error", result.Kind);
        Assert.Equal("TaskCanceledException", result.ErrorType);
    }

    // spec C.1: without AWS_LAMBDA_RUNTIME_API the process says what is missing and exits non-zero
    [Fact]
    public async Task RunAsync_NoRuntimeApi_ReturnsOneWithClearMessage()
    {
        var options = Options();
        options.RuntimeApi = null;
        options.EnvironmentVariables = new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = " " };

        var exitCode = await LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), options);

        Assert.Equal(1, exitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", _error.ToString(), StringComparison.Ordinal);
    }

    // spec C.1: the base is http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01, so a scheme is a configuration error
    [Theory]
    [InlineData("http://127.0.0.1:9001", "without a scheme")]
    [InlineData("127.0.0.1", "is not a valid host:port")]
    public async Task RunAsync_MalformedRuntimeApi_ReturnsOneWithClearMessage(string value, string expected)
    {
        var options = Options();
        options.RuntimeApi = value;

        var exitCode = await LambdaRuntime.RunAsync(LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask), options);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, _error.ToString(), StringComparison.Ordinal);
    }

    private LambdaRuntimeOptions Options() => new()
    {
        RuntimeApi = fixture.Api.Address + "/order-totals",
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

    private RunningLoop Start(LambdaHandler handler)
    {
        var cts = new CancellationTokenSource();
        return new RunningLoop(LambdaRuntime.RunAsync(handler, Options(), cts.Token), cts);
    }

    /// <summary>A runtime loop running in the test process; disposing stops it and checks it ended cleanly.</summary>
    private sealed class RunningLoop(Task<int> run, CancellationTokenSource cts) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await cts.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            cts.Dispose();
        }
    }
}
