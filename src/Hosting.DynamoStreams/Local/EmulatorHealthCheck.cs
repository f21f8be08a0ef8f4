using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Reports the emulator healthy when it answers a real DynamoDB request.
/// </summary>
/// <param name="run">The local run.</param>
internal sealed class EmulatorHealthCheck(DynamoStreamsLocalRun run) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (run.DynamoDb is not { } client)
        {
            return HealthCheckResult.Unhealthy("The emulator has not started.");
        }

        try
        {
            await client.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The emulator does not answer ListTables.", ex);
        }
    }
}
