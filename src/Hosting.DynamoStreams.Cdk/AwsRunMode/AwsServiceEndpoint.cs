using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Resolves a service's endpoint the way the AWS SDKs do from the AppHost's environment: the service-specific
/// <c>AWS_ENDPOINT_URL_{SERVICE}</c>, else the global <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true), else the service's public endpoint in the region.
/// </summary>
internal static class AwsServiceEndpoint
{
    /// <summary>
    /// Gets the configured endpoint, or null when the public endpoint applies.
    /// </summary>
    /// <param name="configuration">The AppHost configuration (it includes the environment variables).</param>
    /// <param name="serviceId">The service's variable suffix, for example <c>DYNAMODB_STREAMS</c> or <c>SQS</c>.</param>
    /// <returns>The endpoint, or null.</returns>
    /// <exception cref="DistributedApplicationException">The variable is not an absolute http(s) URL.</exception>
    public static Uri? Configured(IConfiguration configuration, string serviceId)
    {
        if (bool.TryParse(configuration["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"], out var ignore) && ignore)
        {
            return null;
        }

        foreach (var variable in (string[])[$"AWS_ENDPOINT_URL_{serviceId}", "AWS_ENDPOINT_URL"])
        {
            if (configuration[variable] is { Length: > 0 } value)
            {
                return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? uri
                    : throw new DistributedApplicationException($"{variable} is '{value}', which is not an absolute http:// or https:// URL. Fix or unset it.");
            }
        }

        return null;
    }

    /// <summary>Gets the DynamoDB Streams endpoint for a region: the configured one, else the public one.</summary>
    /// <param name="configuration">The AppHost configuration.</param>
    /// <param name="region">The region.</param>
    /// <returns>The endpoint.</returns>
    public static Uri DynamoDbStreams(IConfiguration configuration, string region) =>
        Configured(configuration, "DYNAMODB_STREAMS") ?? new Uri($"https://streams.dynamodb.{region}.{DnsSuffix(region)}");

    private static string DnsSuffix(string region) => region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
}
