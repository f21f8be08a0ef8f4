using System.Text.Json;

namespace DynamoStreams.Emulator.Protocol.Errors;

/// <summary>
/// Represents an error that an AWS JSON protocol service returns to its client: the wire type
/// (namespace and shape name), the message and the HTTP status.
/// </summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates an error with its full wire type, message and HTTP status.</summary>
    /// <param name="wireType">The full <c>__type</c>, for example <c>com.amazon.coral.validate#ValidationException</c>.</param>
    /// <param name="message">The message the client shows, or <see langword="null"/> when AWS sends none.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    public AwsServiceException(string wireType, string? message, int statusCode = 400)
        : base(message ?? wireType)
    {
        WireType = wireType;
        WireMessage = message;
        StatusCode = statusCode;
    }

    /// <summary>Gets the full <c>__type</c> sent on the wire.</summary>
    public string WireType { get; }

    /// <summary>Gets the shape name: the part of <see cref="WireType"/> after <c>#</c>.</summary>
    public string ErrorCode
    {
        get
        {
            var hash = WireType.LastIndexOf('#');
            return hash < 0 ? WireType : WireType[(hash + 1)..];
        }
    }

    /// <summary>Gets the message sent on the wire, or <see langword="null"/> when none is sent.</summary>
    public string? WireMessage { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Writes members beyond <c>__type</c> and <c>message</c> (cancellation reasons, items) into the error body.</summary>
    /// <param name="writer">The writer positioned inside the error object.</param>
    internal virtual void WriteExtraMembers(Utf8JsonWriter writer)
    {
    }
}
