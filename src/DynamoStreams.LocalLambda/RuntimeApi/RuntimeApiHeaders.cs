namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Names the headers of the Lambda Runtime API (2018-06-01).
/// </summary>
internal static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The largest response or error body a runtime may post: 6 MB plus 100 bytes, as Lambda enforces.</summary>
    public const int MaximumResponseBytes = 6_291_556;

    /// <summary>The largest synchronous request payload Lambda accepts (6 MB).</summary>
    public const int MaximumRequestBytes = 6_291_456;
}
