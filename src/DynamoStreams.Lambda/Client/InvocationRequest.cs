namespace DynamoStreams.Lambda;

/// <summary>
/// One invocation as <c>GET /runtime/invocation/next</c> delivered it: the headers and the event payload.
/// </summary>
/// <param name="RequestId">The <c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Deadline">The <c>Lambda-Runtime-Deadline-Ms</c>; <see cref="DateTimeOffset.MaxValue"/> when absent.</param>
/// <param name="InvokedFunctionArn">The <c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId">The <c>Lambda-Runtime-Trace-Id</c>.</param>
/// <param name="ClientContext">The <c>Lambda-Runtime-Client-Context</c>.</param>
/// <param name="CognitoIdentity">The <c>Lambda-Runtime-Cognito-Identity</c>.</param>
/// <param name="TenantId">The <c>Lambda-Runtime-Aws-Tenant-Id</c>.</param>
/// <param name="Payload">The event body; valid until the next <c>/next</c> call reuses the buffer.</param>
internal sealed record InvocationRequest(
    string RequestId,
    DateTimeOffset Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    string? TenantId,
    ReadOnlyMemory<byte> Payload);
