namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Describes a function error as AWS Lambda reports it (<c>errorType</c>, <c>errorMessage</c>, <c>stackTrace</c>).
/// </summary>
/// <param name="Kind">What produced the error.</param>
/// <param name="ErrorType">The error type, for example <c>System.Exception</c> or <c>Sandbox.Timedout</c>.</param>
/// <param name="ErrorMessage">The error message.</param>
/// <param name="StackTrace">The stack trace lines reported by the runtime (empty when none).</param>
public sealed record FunctionError(
    FunctionErrorKind Kind,
    string ErrorType,
    string ErrorMessage,
    IReadOnlyList<string> StackTrace);
