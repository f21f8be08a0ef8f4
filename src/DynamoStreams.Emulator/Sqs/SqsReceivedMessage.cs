using System.Globalization;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Represents a message handed to a consumer by a receive, with the receipt handle that deletes it.
/// </summary>
/// <param name="MessageId">The message id assigned at send.</param>
/// <param name="ReceiptHandle">The handle of this receive; only the newest handle deletes the message.</param>
/// <param name="Body">The message body.</param>
/// <param name="Md5OfBody">The lowercase hex MD5 of the body.</param>
/// <param name="SystemAttributes">The message system attributes (<c>SentTimestamp</c>, <c>ApproximateReceiveCount</c>, ...).</param>
/// <param name="MessageAttributes">The message attributes the producer set.</param>
/// <param name="Md5OfMessageAttributes">The MD5 of all message attributes, or <see langword="null"/> when there are none.</param>
public sealed record SqsReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string Md5OfBody,
    IReadOnlyDictionary<string, string> SystemAttributes,
    IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes,
    string? Md5OfMessageAttributes)
{
    /// <summary>Builds the received form of a stored message with its system attributes as SQS reports them.</summary>
    internal static SqsReceivedMessage From(SqsMessage message, string handle)
    {
        var system = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SenderId"] = message.SenderId,
            ["SentTimestamp"] = message.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["ApproximateReceiveCount"] = message.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["ApproximateFirstReceiveTimestamp"] =
                (message.FirstReceivedAt ?? message.SentAt).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (message.SystemAttributes.TryGetValue("AWSTraceHeader", out var trace) && trace.StringValue is not null)
        {
            system["AWSTraceHeader"] = trace.StringValue;
        }

        return new SqsReceivedMessage(message.MessageId, handle, message.Body, message.Md5OfBody, system,
            message.MessageAttributes, message.Md5OfMessageAttributes);
    }
}
