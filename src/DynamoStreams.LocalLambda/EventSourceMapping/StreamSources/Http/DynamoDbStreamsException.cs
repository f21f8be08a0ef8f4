namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;

/// <summary>Reports an error response of the DynamoDB Streams API (the part of <c>__type</c> after <c>#</c>, and its message).</summary>
public sealed class DynamoDbStreamsException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="errorCode">The error code, for example <c>ExpiredIteratorException</c>.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    public DynamoDbStreamsException(string errorCode, string message, int statusCode)
        : base($"{errorCode}: {message}")
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>Gets the error code.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }
}
