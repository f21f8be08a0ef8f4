using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Reports a pattern healthy when its table and queue exist and its mapping runs.
/// </summary>
/// <param name="pattern">The pattern.</param>
internal sealed class PatternHealthCheck(DynamoStreamsLambdaResource pattern) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (pattern.SourceTableResource?.Created.Task is not { IsCompletedSuccessfully: true })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Table '{pattern.LocalTableName}' does not exist yet."));
        }

        if (pattern.DeadLetterQueueResource?.Created.Task is { IsCompletedSuccessfully: false })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Dead-letter queue '{pattern.LocalQueueName}' does not exist yet."));
        }

        if (pattern.MappingResource?.Started.Task is { IsCompletedSuccessfully: false })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The event-source mapping has not started."));
        }

        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
