namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Classifies a function error by what produced it.
/// </summary>
public enum FunctionErrorKind
{
    /// <summary>The runtime reported an error through <c>/invocation/{id}/error</c> (an unhandled exception).</summary>
    Unhandled,

    /// <summary>The invocation ran past its deadline (<c>Sandbox.Timedout</c>); the process was replaced.</summary>
    Timeout,

    /// <summary>The runtime process exited during the invocation or before it was ready (<c>Runtime.ExitError</c>).</summary>
    RuntimeExit,

    /// <summary>The response exceeded 6 MB (<c>Function.ResponseSizeTooLarge</c>).</summary>
    ResponseTooLarge,

    /// <summary>The runtime reported <c>/init/error</c> or could not be started; surfaced to the first invocation.</summary>
    InitError,
}
