namespace DynamoStreams.LocalLambda.EventSourceMapping.Invocation;

/// <summary>Holds the outcome of one invocation.</summary>
public sealed class FunctionInvocationResult
{
    /// <summary>Gets how the invocation ended.</summary>
    public required FunctionInvocationOutcome Outcome { get; init; }

    /// <summary>Gets the response payload when the function succeeded.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Gets the error type of a function error, for example <c>Sandbox.Timedout</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Gets the error message of a function error or throttle.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets whether the function error happened while the function initialised (its module or handler could not load).</summary>
    public bool InitFailed { get; init; }

    /// <summary>Gets the invocation's request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>Returns a success result.</summary>
    /// <param name="payload">The response payload.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The result.</returns>
    public static FunctionInvocationResult Success(ReadOnlyMemory<byte> payload, string? requestId = null) =>
        new() { Outcome = FunctionInvocationOutcome.Success, Payload = payload, RequestId = requestId };

    /// <summary>Returns a function-error result.</summary>
    /// <param name="errorType">The error type.</param>
    /// <param name="errorMessage">The error message.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The result.</returns>
    public static FunctionInvocationResult FunctionError(string errorType, string errorMessage, string? requestId = null) =>
        new() { Outcome = FunctionInvocationOutcome.FunctionError, ErrorType = errorType, ErrorMessage = errorMessage, RequestId = requestId };

    /// <summary>Returns a throttle result (the function did not run).</summary>
    /// <param name="message">Why the invocation was throttled.</param>
    /// <returns>The result.</returns>
    public static FunctionInvocationResult Throttled(string message) =>
        new() { Outcome = FunctionInvocationOutcome.Throttled, ErrorType = "TooManyRequestsException", ErrorMessage = message };
}
