using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Reports a local function unhealthy while its last invocation failed its init or crashed the process, degraded after
/// a timeout, healthy otherwise.
/// </summary>
/// <param name="tracker">The invocation outcomes.</param>
/// <param name="functionName">The function.</param>
internal sealed class FunctionHealthCheck(FunctionHealthTracker tracker, string functionName) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(tracker.Get(functionName));
}
