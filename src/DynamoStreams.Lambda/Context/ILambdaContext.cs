namespace DynamoStreams.Lambda;

/// <summary>
/// Describes the invocation a handler is running and the function it belongs to.
/// </summary>
/// <remarks>The members match <c>Amazon.Lambda.Core.ILambdaContext</c>, plus <see cref="Deadline"/> and
/// <see cref="CancellationToken"/>.</remarks>
public interface ILambdaContext
{
    /// <summary>Gets the identifier of this invocation (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string AwsRequestId { get; }

    /// <summary>Gets the name of the function (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    string FunctionName { get; }

    /// <summary>Gets the version of the function that runs (<c>AWS_LAMBDA_FUNCTION_VERSION</c>, e.g. <c>$LATEST</c>).</summary>
    string FunctionVersion { get; }

    /// <summary>Gets the ARN the caller used to invoke the function (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>Gets the memory of the function in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    int MemoryLimitInMB { get; }

    /// <summary>Gets the CloudWatch log group of the function (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    string LogGroupName { get; }

    /// <summary>Gets the CloudWatch log stream of this execution environment (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    string LogStreamName { get; }

    /// <summary>Gets the X-Ray trace header of this invocation (<c>Lambda-Runtime-Trace-Id</c>), also in <c>_X_AMZN_TRACE_ID</c>.</summary>
    string TraceId { get; }

    /// <summary>Gets the client context JSON of a mobile SDK caller (<c>Lambda-Runtime-Client-Context</c>), if any.</summary>
    string? ClientContext { get; }

    /// <summary>Gets the Cognito identity JSON of a mobile SDK caller (<c>Lambda-Runtime-Cognito-Identity</c>), if any.</summary>
    string? Identity { get; }

    /// <summary>Gets the tenant of a tenant-isolated function (<c>Lambda-Runtime-Aws-Tenant-Id</c>), if any.</summary>
    string? TenantId { get; }

    /// <summary>Gets the instant the invocation times out (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Gets the time left until <see cref="Deadline"/>; zero once it has passed.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>Gets a token cancelled when the deadline passes or the runtime is shutting down (SIGTERM).</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Gets a logger that writes lines tagged with this invocation to standard output and standard error.</summary>
    ILambdaLogger Logger { get; }
}
