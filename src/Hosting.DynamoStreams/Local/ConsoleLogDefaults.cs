using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Keeps ASP.NET Core's per-request information messages (the dashboard's gRPC resource service, every SDK call) out
/// of the AppHost's console unless the AppHost's configuration sets a level for them itself.
/// </summary>
internal static class ConsoleLogDefaults
{
    private const string AspNetCoreCategory = "Microsoft.AspNetCore";

    /// <summary>
    /// Adds the default once per AppHost.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    public static void ApplyOnce(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration[$"Logging:LogLevel:{AspNetCoreCategory}"] is not null
            || builder.Services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return;
        }

        builder.Services.AddSingleton<Marker>();
        builder.Services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(providerName: null, AspNetCoreCategory, LogLevel.Warning, filter: null)));
    }

    private sealed class Marker;
}
