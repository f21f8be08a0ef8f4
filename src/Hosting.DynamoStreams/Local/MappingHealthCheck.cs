using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Reports a mapping's health from its last processing result (see <see cref="MappingStates.Health"/>).
/// </summary>
/// <param name="mapping">The mapping resource.</param>
internal sealed class MappingHealthCheck(DynamoStreamsMappingResource mapping) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(MappingStates.Health(mapping.Mapping?.GetStatus()));
}
