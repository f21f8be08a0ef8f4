using DynamoStreams.Contracts.RuntimeApi;

namespace DynamoStreams.Lambda;

/// <summary>
/// The URLs of the Lambda Runtime API, built from <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c> in AWS, or
/// <c>host:port/prefix</c> with the local host, which serves many functions by path prefix.
/// </summary>
internal sealed class RuntimeApiEndpoint
{
    private readonly string _runtime;

    private RuntimeApiEndpoint(string root)
    {
        BaseAddress = root + "/" + RuntimeApiPaths.Version;
        _runtime = root + RuntimeApiPaths.Runtime;
        Next = new Uri(_runtime + RuntimeApiPaths.Next);
        InitError = new Uri(_runtime + RuntimeApiPaths.InitError);
    }

    /// <summary>Gets <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01</c>.</summary>
    public string BaseAddress { get; }

    public Uri Next { get; }

    public Uri InitError { get; }

    /// <summary>
    /// Parses the value of <c>AWS_LAMBDA_RUNTIME_API</c>.
    /// </summary>
    /// <exception cref="FormatException">The value is not <c>host:port</c> or <c>host:port/prefix</c>.</exception>
    public static RuntimeApiEndpoint Parse(string value)
    {
        var trimmed = value.Trim().TrimEnd('/');
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException($"AWS_LAMBDA_RUNTIME_API '{value}' must be host:port or host:port/prefix without a scheme, e.g. 127.0.0.1:9001 or 127.0.0.1:9001/my-function.");
        }

        if (!Uri.TryCreate("http://" + trimmed, UriKind.Absolute, out var uri)
            || string.IsNullOrEmpty(uri.Host)
            || uri.IsDefaultPort && !trimmed.Contains(':', StringComparison.Ordinal)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new FormatException($"AWS_LAMBDA_RUNTIME_API '{value}' is not a valid host:port or host:port/prefix, e.g. 127.0.0.1:9001 or 127.0.0.1:9001/my-function.");
        }

        return new RuntimeApiEndpoint(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    public Uri Response(string requestId) => new(_runtime + RuntimeApiPaths.InvocationResult(requestId, RuntimeApiPaths.Response));

    public Uri Error(string requestId) => new(_runtime + RuntimeApiPaths.InvocationResult(requestId, RuntimeApiPaths.Error));
}
