using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Represents an SQS error as the JSON protocol returns it: a model shape name for <c>__type</c>,
/// the query-compatible error code for the <c>x-amzn-query-error</c> header, and an HTTP status.
/// </summary>
public sealed class SqsException : AwsServiceException
{
    /// <summary>The namespace of SQS's error shapes.</summary>
    internal const string SqsNamespace = "com.amazonaws.sqs#";

    /// <summary>Creates an SQS error.</summary>
    /// <param name="shape">The error shape name, written as <c>com.amazonaws.sqs#&lt;shape&gt;</c>.</param>
    /// <param name="queryCode">The query-compatible code the SDK exposes as <c>ErrorCode</c>.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="message">The message, copied from the real service.</param>
    /// <param name="senderFault">Whether the caller is at fault (<c>Sender</c>) or the service (<c>Receiver</c>).</param>
    public SqsException(string shape, string queryCode, int statusCode, string message, bool senderFault = true)
        : base(SqsNamespace + shape, message, statusCode)
    {
        Shape = shape;
        QueryCode = queryCode;
        SenderFault = senderFault;
    }

    /// <summary>Gets the error shape name.</summary>
    public string Shape { get; }

    /// <summary>Gets the query-compatible error code.</summary>
    public string QueryCode { get; }

    /// <summary>Gets a value indicating whether the caller is at fault.</summary>
    public bool SenderFault { get; }

    /// <summary>Gets the value of the <c>x-amzn-query-error</c> header.</summary>
    internal string QueryErrorHeader => QueryCode + (SenderFault ? ";Sender" : ";Receiver");
}
