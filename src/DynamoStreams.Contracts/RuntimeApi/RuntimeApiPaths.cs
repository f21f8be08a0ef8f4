namespace DynamoStreams.Contracts.RuntimeApi;

/// <summary>
/// Names the paths of the Lambda Runtime API, relative to <c>http://{AWS_LAMBDA_RUNTIME_API}</c>.
/// </summary>
public static class RuntimeApiPaths
{
    /// <summary>The API version segment.</summary>
    public const string Version = "2018-06-01";

    /// <summary>The prefix of every request after the version: <c>/2018-06-01/runtime/</c>.</summary>
    public const string Runtime = "/" + Version + "/runtime/";

    /// <summary>The long poll for the next invocation, relative to <see cref="Runtime"/>.</summary>
    public const string Next = "invocation/next";

    /// <summary>The init failure report, relative to <see cref="Runtime"/>.</summary>
    public const string InitError = "init/error";

    /// <summary>The prefix of an invocation's own paths, relative to <see cref="Runtime"/>.</summary>
    public const string Invocation = "invocation/";

    /// <summary>The last segment of an invocation's response.</summary>
    public const string Response = "response";

    /// <summary>The last segment of an invocation's error.</summary>
    public const string Error = "error";

    /// <summary>Returns the path of an invocation's response or error, relative to <see cref="Runtime"/>.</summary>
    /// <param name="requestId">The request id, escaped by this method.</param>
    /// <param name="outcome"><see cref="Response"/> or <see cref="Error"/>.</param>
    /// <returns>For example <c>invocation/abc/response</c>.</returns>
    public static string InvocationResult(string requestId, string outcome) =>
        Invocation + Uri.EscapeDataString(requestId) + "/" + outcome;
}
