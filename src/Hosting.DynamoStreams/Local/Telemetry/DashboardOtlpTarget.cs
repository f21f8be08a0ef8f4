using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Aspire.Hosting.DynamoStreams.Local.Telemetry;

/// <summary>
/// Finds the dashboard's OTLP endpoint and API key the way Aspire hands them to projects (the AppHost's
/// <c>ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL</c> or <c>ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c>, <c>AppHost:OtlpApiKey</c>).
/// </summary>
/// <param name="Endpoint">The endpoint metrics are sent to.</param>
/// <param name="Protocol">gRPC or HTTP/protobuf.</param>
/// <param name="Headers">The OTLP headers (the API key), or null.</param>
internal sealed record DashboardOtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers)
{
    /// <summary>
    /// Reads the target from the AppHost's configuration.
    /// </summary>
    /// <param name="configuration">The AppHost's configuration.</param>
    /// <returns>The target, or null when the AppHost runs without a dashboard endpoint.</returns>
    public static DashboardOtlpTarget? Resolve(IConfiguration configuration)
    {
        var headers = configuration["AppHost:OtlpApiKey"] is { Length: > 0 } key ? $"x-otlp-api-key={key}" : null;
        if (Url(configuration, "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL") is { } grpc)
        {
            return new DashboardOtlpTarget(grpc, OtlpExportProtocol.Grpc, headers);
        }

        // Set in code, an HTTP endpoint is used as it is: the signal's path must be part of it.
        return Url(configuration, "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL") is { } http
            ? new DashboardOtlpTarget(new Uri(http, "v1/metrics"), OtlpExportProtocol.HttpProtobuf, headers)
            : null;
    }

    /// <summary>
    /// Reads the target from the dashboard resource's allocated OTLP endpoints (ports are chosen at start, for example
    /// in tests), falling back to the configuration.
    /// </summary>
    /// <param name="dashboard">The dashboard resource.</param>
    /// <param name="configuration">The AppHost's configuration.</param>
    /// <returns>The target, or null.</returns>
    public static DashboardOtlpTarget? Resolve(IResourceWithEndpoints dashboard, IConfiguration configuration)
    {
        var fallback = Resolve(configuration);
        if (Allocated(dashboard, "otlp-grpc") is { } grpc)
        {
            return new DashboardOtlpTarget(grpc, OtlpExportProtocol.Grpc, fallback?.Headers);
        }

        return Allocated(dashboard, "otlp-http") is { } http
            ? new DashboardOtlpTarget(new Uri(http, "v1/metrics"), OtlpExportProtocol.HttpProtobuf, fallback?.Headers)
            : fallback;
    }

    private static Uri? Allocated(IResourceWithEndpoints resource, string endpointName) =>
        resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == endpointName && e.AllocatedEndpoint is not null)
            ? new Uri(resource.GetEndpoint(endpointName).Url)
            : null;

    private static Uri? Url(IConfiguration configuration, string name, string legacyName) =>
        (configuration[name] ?? configuration[legacyName]) is { Length: > 0 } value && Uri.TryCreate(value.Split(';')[0], UriKind.Absolute, out var uri) ? uri : null;
}
