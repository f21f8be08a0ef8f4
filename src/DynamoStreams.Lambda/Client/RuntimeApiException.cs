namespace DynamoStreams.Lambda;

/// <summary>
/// Represents an answer of the Lambda Runtime API other than the one the contract expects.
/// </summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="RuntimeApiException"/> class.
    /// </summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="statusCode">The HTTP status of the answer; 0 when there was none.</param>
    /// <param name="isFatal">Whether the runtime must exit.</param>
    public RuntimeApiException(string message, int statusCode, bool isFatal)
        : base(message)
    {
        StatusCode = statusCode;
        IsFatal = isFatal;
    }

    /// <summary>Initializes a new instance of the <see cref="RuntimeApiException"/> class.</summary>
    public RuntimeApiException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuntimeApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuntimeApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        IsFatal = true;
    }

    /// <summary>Gets the HTTP status the Runtime API answered with; 0 when it could not be reached.</summary>
    public int StatusCode { get; }

    /// <summary>Gets a value indicating whether the runtime must exit (the API answered 500 or <c>/next</c> failed).</summary>
    public bool IsFatal { get; }
}
