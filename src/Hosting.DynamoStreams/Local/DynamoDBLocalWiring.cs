using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Wires the DynamoDB Local container into a local run: a health check that calls <c>ListTables</c>, and, once it is
/// healthy, its endpoint handed to the run so tables are created there and the mapping reads its streams over HTTP.
/// </summary>
internal static class DynamoDBLocalWiring
{
    /// <summary>
    /// Attaches the health check (<c>{name}_check</c>) and the ready handler.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="container">The container.</param>
    public static void Attach(IDistributedApplicationBuilder builder, IResourceBuilder<DynamoDBLocalResource> container)
    {
        var resource = container.Resource;
        var key = $"{resource.Name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new DynamoDBLocalHealthCheck(resource), failureStatus: null, tags: null));
        container.WithHealthCheck(key);
        builder.Eventing.Subscribe<ResourceReadyEvent>(resource, (e, _) =>
        {
            var endpoint = new Uri(resource.PrimaryEndpoint.Url);
            e.Services.GetRequiredService<DynamoStreamsLocalRun>().UseDynamoDBLocal(endpoint);
            resource.EndpointSource.TrySetResult(endpoint);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Creates a client of DynamoDB Local (it accepts any credentials and region with <c>-sharedDb</c>).
    /// </summary>
    /// <param name="endpoint">The container's endpoint.</param>
    /// <returns>The client.</returns>
    public static AmazonDynamoDBClient CreateClient(Uri endpoint) =>
        new(new BasicAWSCredentials(LocalEnvironment.LocalCredential, LocalEnvironment.LocalCredential),
            new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" });

    private sealed class DynamoDBLocalHealthCheck(DynamoDBLocalResource resource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!resource.PrimaryEndpoint.IsAllocated)
            {
                return HealthCheckResult.Unhealthy("DynamoDB Local has no endpoint yet.");
            }

            try
            {
                using var client = CreateClient(new Uri(resource.PrimaryEndpoint.Url));
                await client.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("DynamoDB Local does not answer ListTables yet.", ex);
            }
        }
    }
}
