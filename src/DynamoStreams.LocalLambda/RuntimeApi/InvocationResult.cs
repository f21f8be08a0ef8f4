using System.Diagnostics;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Reports the outcome of one invocation: the response, a function error, or a throttle.
/// </summary>
public sealed class InvocationResult
{
    internal InvocationResult(
        InvocationStatus status,
        string requestId,
        ReadOnlyMemory<byte> payload,
        FunctionError? error,
        TimeSpan duration,
        string traceId,
        ActivityContext traceContext)
    {
        Status = status;
        RequestId = requestId;
        Payload = payload;
        Error = error;
        Duration = duration;
        TraceId = traceId;
        TraceContext = traceContext;
    }

    /// <summary>Gets how the invocation ended.</summary>
    public InvocationStatus Status { get; }

    /// <summary>Gets the request id (<c>Lambda-Runtime-Aws-Request-Id</c>) of the invocation.</summary>
    public string RequestId { get; }

    /// <summary>
    /// Gets the response payload on success, or the error document (<c>{"errorType",...}</c>) on a function error, as
    /// Lambda's Invoke returns them; empty on a throttle.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Gets the function error, or <see langword="null"/> unless <see cref="Status"/> is <see cref="InvocationStatus.FunctionError"/>.</summary>
    public FunctionError? Error { get; }

    /// <summary>Gets the time from the invoke call to its outcome, including any wait for a runtime process.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets the X-Ray trace header sent to the function (<c>Root=1-...;Parent=...;Sampled=...</c>).</summary>
    public string TraceId { get; }

    /// <summary>Gets the W3C trace context of the invocation (the invocation activity's context).</summary>
    public ActivityContext TraceContext { get; }

    /// <summary>Gets a value indicating whether the function returned a response.</summary>
    public bool IsSuccess => Status == InvocationStatus.Succeeded;

    /// <summary>Gets a value indicating whether the function failed (a function error in the sense of spec B.4).</summary>
    public bool IsFunctionError => Status == InvocationStatus.FunctionError;

    /// <summary>Gets a value indicating whether the invocation was throttled before the function ran.</summary>
    public bool IsThrottled => Status == InvocationStatus.Throttled;
}
