namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Represents a DynamoDB Streams error with the service's error code and message, raised by the in-process
/// stream API and written to HTTP clients as <c>{"__type":"...#Code","message":"..."}</c>.
/// </summary>
public sealed class StreamsException : Exception
{
    private const string StreamsNamespace = "com.amazonaws.dynamodb.v20120810#";

    /// <summary>Creates a streams error.</summary>
    /// <param name="errorCode">The error code, such as <c>TrimmedDataAccessException</c>.</param>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    public StreamsException(string errorCode, string message, int statusCode = 400)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>Gets the error code, such as <c>ResourceNotFoundException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the <c>__type</c> written on the wire.</summary>
    public string WireType => ErrorCode == "ValidationException" ? "com.amazon.coral.validate#ValidationException" : StreamsNamespace + ErrorCode;

    internal static StreamsException StreamNotFound(string streamArn) =>
        new("ResourceNotFoundException", $"Requested resource not found: Stream: {streamArn} not found");

    internal static StreamsException ShardNotFound(string shardId, string streamArn) =>
        new("ResourceNotFoundException", $"Requested resource not found: Shard: {shardId} in Stream: {streamArn} not found");

    internal static StreamsException Trimmed(string detail) => new("TrimmedDataAccessException", detail);

    internal static StreamsException Validation(string message) => new("ValidationException", message);
}
