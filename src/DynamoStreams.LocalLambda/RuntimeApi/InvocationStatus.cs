namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Tells how an invocation ended.
/// </summary>
public enum InvocationStatus
{
    /// <summary>The function returned a response (the payload).</summary>
    Succeeded,

    /// <summary>The function failed: exception, timeout, runtime exit, response too large or init error (spec B.4).</summary>
    FunctionError,

    /// <summary>No runtime process took the invocation within the function's throttle timeout; the function did not run.</summary>
    Throttled,
}
