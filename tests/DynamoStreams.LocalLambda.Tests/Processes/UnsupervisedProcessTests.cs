using System.Text;
using System.Text.Json;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.LocalLambda.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Tests.Processes;

/// <summary>
/// Runs the .NET test handler as a real process started outside the host, the way Aspire starts a project resource:
/// the environment from <see cref="FunctionEnvironment.Create"/>, the function registered without a runner.
/// </summary>
public sealed class UnsupervisedProcessTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Process_AnswersAfterTimeout_GetsInvalidRequestIdAndServesTheNextInvoke()
    {
        // spec C.5 #2 from a real runtime: the answer to a timed-out invocation is a repeated/unknown id → 400
        // InvalidRequestID; spec C.2: the invocation failed as Sandbox.Timedout; a process the host does not own is
        // not killed, so it keeps serving
        var options = new LambdaFunctionOptions { Name = fixture.NewName("net-late"), Timeout = TimeSpan.FromSeconds(1) };
        var function = await fixture.Host.RegisterFunctionAsync(options, runner: null, CancellationToken.None);
        var runner = new DotNetExecutableRunner(TestPaths.DotNetFunction);
        var environment = FunctionEnvironment.Create(options, function.RuntimeApiAddress, runner.Runtime);
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(fixture.Logs));
        var category = "late-" + function.Name;
        await using var process = await runner.StartAsync(environment, loggerFactory.CreateLogger(category), CancellationToken.None);

        var timedOut = await InvokeAsync(function, new { action = "sleep", sleepMs = 4_000 });
        Assert.Equal("Sandbox.Timedout", timedOut.Error?.ErrorType);
        await Until.TrueAsync(() => fixture.Logs.Entries.Any(e =>
            e.Category == category
            && e.Message.Contains($"/{timedOut.RequestId}/response answered 400", StringComparison.Ordinal)
            && e.Message.Contains("InvalidRequestID", StringComparison.Ordinal)));

        var next = await InvokeAsync(function, new { action = "echo" });
        Assert.True(next.IsSuccess, Encoding.UTF8.GetString(next.Payload.Span));
        Assert.Equal(process.Id, JsonDocument.Parse(next.Payload).RootElement.GetProperty("pid").GetInt32());
        Assert.False(process.HasExited);
    }

    private async Task<InvocationResult> InvokeAsync(RegisteredFunction function, object payload) =>
        await fixture.InvokeJsonAsync(function, payload, s_wait);
}
