using Aspire.Hosting.DynamoStreams.Local.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Hosting.DynamoStreams.Tests;

public class DashboardOtlpTargetTests
{
    [Fact]
    public void Resolve_GrpcEndpointAndApiKey_TheDashboardsOtlpTarget()
    {
        // issue 16 #2: the AppHost's own metrics go where Aspire sends a project's
        var target = DashboardOtlpTarget.Resolve(Configuration(("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:19180"), ("AppHost:OtlpApiKey", "k")));

        Assert.Equal(new DashboardOtlpTarget(new Uri("http://localhost:19180"), OtlpExportProtocol.Grpc, "x-otlp-api-key=k"), target);
    }

    [Fact]
    public void Resolve_HttpEndpointOnly_MetricsPathAppended()
    {
        // issue 16 #2: an HTTP endpoint set in code needs the signal's path
        var target = DashboardOtlpTarget.Resolve(Configuration(("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "http://localhost:19181")));

        Assert.Equal(new Uri("http://localhost:19181/v1/metrics"), target!.Endpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, target.Protocol);
        Assert.Null(DashboardOtlpTarget.Resolve(Configuration()));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
