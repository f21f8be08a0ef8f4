namespace DynamoStreams.LocalLambda.EventSourceMapping.Invocation;

/// <summary>Names how an invocation ended (spec B.4).</summary>
public enum FunctionInvocationOutcome
{
    /// <summary>The function returned a response.</summary>
    Success,

    /// <summary>The function failed: exception, timeout, runtime exit, response too large.</summary>
    FunctionError,

    /// <summary>The invocation was throttled or failed before the function ran; not counted as a retry.</summary>
    Throttled,
}
