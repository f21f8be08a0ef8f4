using Aspire.Hosting.DynamoStreams.Local.Lambda;
using DynamoStreams.LocalLambda.RuntimeApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hosting.DynamoStreams.Tests;

/// <summary>
/// A handler that fails its init or crashes shows it on its own row (issue 16): the function's health check reads how
/// its last invocation ended at the Runtime API host.
/// </summary>
public class FunctionHealthTrackerTests
{
    [Fact]
    public void Record_InitErrorThenSuccess_UnhealthyWithTheReasonThenHealthy()
    {
        // issue 16 #1: init failure on the function's row, back to healthy once an invocation succeeds
        var tracker = new FunctionHealthTracker();
        Assert.Equal(HealthStatus.Healthy, tracker.Get("orders").Status);

        tracker.Record("orders", InvocationStatus.FunctionError, new FunctionError(FunctionErrorKind.InitError, "Runtime.ImportModuleError", "Cannot find module 'index'", []));
        var failed = tracker.Get("orders");

        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Equal("Init failed: Runtime.ImportModuleError: Cannot find module 'index'", failed.Description);
        Assert.Equal(HealthStatus.Healthy, tracker.Get("audit").Status);
        tracker.Record("orders", InvocationStatus.Succeeded, null);
        Assert.Equal(HealthStatus.Healthy, tracker.Get("orders").Status);
    }

    [Fact]
    public void Record_CrashTimeoutAndHandlerError_UnhealthyDegradedAndHealthy()
    {
        // issue 16 #1: a crash is the process's problem, a handler's own error is the mapping's (its row shows the retries)
        var tracker = new FunctionHealthTracker();

        tracker.Record("f", InvocationStatus.FunctionError, new FunctionError(FunctionErrorKind.RuntimeExit, "Runtime.ExitError", "RequestId: r Error: Runtime exited with error: exit status 1", []));
        Assert.Equal(HealthStatus.Unhealthy, tracker.Get("f").Status);
        Assert.StartsWith("Crashed: ", tracker.Get("f").Description);
        tracker.Record("f", InvocationStatus.Throttled, null);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Get("f").Status);

        tracker.Record("f", InvocationStatus.FunctionError, new FunctionError(FunctionErrorKind.Timeout, "Sandbox.Timedout", "Task timed out after 3.00 seconds", []));
        Assert.Equal(HealthStatus.Degraded, tracker.Get("f").Status);

        tracker.Record("f", InvocationStatus.FunctionError, new FunctionError(FunctionErrorKind.Unhandled, "System.Exception", "boom", []));
        Assert.Equal(HealthStatus.Healthy, tracker.Get("f").Status);
    }
}
