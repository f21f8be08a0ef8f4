using System.Collections.Concurrent;
using DynamoStreams.LocalLambda.RuntimeApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Remembers how each function's last invocation ended, so a handler that fails its init or crashes shows it on its
/// own row in the dashboard (its health check reads this), and turns healthy again when an invocation succeeds.
/// </summary>
internal sealed class FunctionHealthTracker
{
    private readonly ConcurrentDictionary<string, HealthCheckResult> _last = new(StringComparer.Ordinal);

    /// <summary>
    /// Records the end of an invocation.
    /// </summary>
    /// <param name="functionName">The function.</param>
    /// <param name="status">How the invocation ended.</param>
    /// <param name="error">The function's error, if any.</param>
    public void Record(string functionName, InvocationStatus status, FunctionError? error)
    {
        _last[functionName] = status switch
        {
            InvocationStatus.Succeeded => HealthCheckResult.Healthy(),
            InvocationStatus.Throttled => _last.GetValueOrDefault(functionName, HealthCheckResult.Healthy()),
            _ => Describe(error),
        };
    }

    /// <summary>
    /// Gets the health of a function from its last invocation (healthy before the first).
    /// </summary>
    /// <param name="functionName">The function.</param>
    /// <returns>The result.</returns>
    public HealthCheckResult Get(string functionName) => _last.GetValueOrDefault(functionName, HealthCheckResult.Healthy());

    private static HealthCheckResult Describe(FunctionError? error) => error?.Kind switch
    {
        FunctionErrorKind.InitError => HealthCheckResult.Unhealthy($"Init failed: {error.ErrorType}: {error.ErrorMessage}"),
        FunctionErrorKind.RuntimeExit => HealthCheckResult.Unhealthy($"Crashed: {error.ErrorMessage}"),
        FunctionErrorKind.Timeout => HealthCheckResult.Degraded($"Timed out: {error.ErrorMessage}"),
        FunctionErrorKind.ResponseTooLarge => HealthCheckResult.Degraded($"Response too large: {error.ErrorMessage}"),
        // An error the handler returned itself: the process is fine; the mapping's row shows the retries.
        _ => HealthCheckResult.Healthy(error is null ? null : $"Last invocation failed: {error.ErrorType}: {error.ErrorMessage}"),
    };
}
