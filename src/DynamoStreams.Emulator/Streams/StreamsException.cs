using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Represents a DynamoDB Streams error with the service's error code and message, raised by the in-process
/// stream API and written to HTTP clients as <c>{"__type":"...#Code","message":"..."}</c>.
/// </summary>
public sealed class StreamsException : AwsServiceException
{
    private const string StreamsNamespace = "com.amazonaws.dynamodb.v20120810#";

    /// <summary>Creates a streams error.</summary>
    /// <param name="errorCode">The error code, such as <c>TrimmedDataAccessException</c>.</param>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    public StreamsException(string errorCode, string message, int statusCode = 400)
        : base(WireTypeOf(errorCode), message, statusCode)
    {
    }

    private static string WireTypeOf(string errorCode) => errorCode switch
    {
        "ValidationException" => "com.amazon.coral.validate#ValidationException",
        "SerializationException" or "UnknownOperationException" => "com.amazon.coral.service#" + errorCode,
        _ => StreamsNamespace + errorCode,
    };

    internal static StreamsException StreamNotFound(string streamArn) =>
        new("ResourceNotFoundException", $"Requested resource not found: Stream: {streamArn} not found");

    internal static StreamsException ShardNotFound(string shardId, string streamArn) =>
        new("ResourceNotFoundException", $"Requested resource not found: Shard: {shardId} in Stream: {streamArn} not found");

    internal static StreamsException Trimmed(string detail) => new("TrimmedDataAccessException", detail);

    internal static StreamsException Validation(string message) => new("ValidationException", message);
}
