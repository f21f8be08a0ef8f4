namespace DynamoStreams.Contracts.RuntimeApi;

/// <summary>
/// Names the headers and content type of the Lambda Runtime API (2018-06-01), shared by the handler-side client and
/// the local host.
/// </summary>
public static class RuntimeApiHeaders
{
    /// <summary>The invocation's request id, on <c>/next</c>'s response.</summary>
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";

    /// <summary>The deadline in Unix milliseconds, on <c>/next</c>'s response.</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";

    /// <summary>The ARN the function was invoked with, on <c>/next</c>'s response.</summary>
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";

    /// <summary>The X-Ray trace header, on <c>/next</c>'s response.</summary>
    public const string TraceId = "Lambda-Runtime-Trace-Id";

    /// <summary>The mobile client context JSON, on <c>/next</c>'s response when the caller sent one.</summary>
    public const string ClientContext = "Lambda-Runtime-Client-Context";

    /// <summary>The Cognito identity JSON, on <c>/next</c>'s response when the caller sent one.</summary>
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";

    /// <summary>The tenant of a tenant-isolated function, on <c>/next</c>'s response.</summary>
    public const string TenantId = "Lambda-Runtime-Aws-Tenant-Id";

    /// <summary>The error type a runtime reports with <c>/error</c> and <c>/init/error</c>.</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The content type of an error document a runtime posts.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";
}
