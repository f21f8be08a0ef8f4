namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Reports that a function cannot be initialised; the host surfaces it to the first invocation as an init error.
/// </summary>
public sealed class FunctionInitException : Exception
{
    /// <summary>Initializes a new instance with the Lambda error type and message.</summary>
    /// <param name="errorType">The error type reported to the invoker, for example <c>LambdaException</c>.</param>
    /// <param name="message">The error message reported to the invoker.</param>
    public FunctionInitException(string errorType, string message)
        : base(message)
    {
        ErrorType = errorType;
    }

    /// <summary>Initializes a new instance with the Lambda error type, message and cause.</summary>
    /// <param name="errorType">The error type reported to the invoker.</param>
    /// <param name="message">The error message reported to the invoker.</param>
    /// <param name="innerException">The cause.</param>
    public FunctionInitException(string errorType, string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    /// <summary>Gets the Lambda error type, for example <c>LambdaException</c> or <c>Runtime.InvalidEntrypoint</c>.</summary>
    public string ErrorType { get; }
}
