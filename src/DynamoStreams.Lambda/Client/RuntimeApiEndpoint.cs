namespace DynamoStreams.Lambda;

/// <summary>
/// The URLs of the Lambda Runtime API, built from <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c> in AWS, or
/// <c>host:port/prefix</c> with the local host, which serves many functions by path prefix.
/// </summary>
internal sealed class RuntimeApiEndpoint
{
    private const string ApiVersion = "2018-06-01";

    private RuntimeApiEndpoint(string baseAddress)
    {
        BaseAddress = baseAddress;
        Next = new Uri(baseAddress + "/runtime/invocation/next");
        InitError = new Uri(baseAddress + "/runtime/init/error");
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

        return new RuntimeApiEndpoint(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + ApiVersion);
    }

    public Uri Response(string requestId) => new(BaseAddress + "/runtime/invocation/" + Uri.EscapeDataString(requestId) + "/response");

    public Uri Error(string requestId) => new(BaseAddress + "/runtime/invocation/" + Uri.EscapeDataString(requestId) + "/error");
}
