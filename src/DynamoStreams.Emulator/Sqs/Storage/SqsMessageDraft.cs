using DynamoStreams.Emulator.Sqs.Operations;

namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Holds a validated message about to be sent, with its MD5s computed once.
/// </summary>
internal sealed class SqsMessageDraft
{
    private static readonly Dictionary<string, SqsMessageAttribute> s_none = [];

    public SqsMessageDraft(string body, IReadOnlyDictionary<string, SqsMessageAttribute>? attributes,
        IReadOnlyDictionary<string, SqsMessageAttribute>? systemAttributes, string senderId)
    {
        Body = body;
        Md5OfBody = SqsMd5.OfBody(body);
        Attributes = attributes is { Count: > 0 } ? attributes : s_none;
        Md5OfAttributes = Attributes.Count > 0 ? SqsMd5.OfAttributes(Attributes) : null;
        SystemAttributes = systemAttributes is { Count: > 0 } ? systemAttributes : s_none;
        Md5OfSystemAttributes = SystemAttributes.Count > 0 ? SqsMd5.OfAttributes(SystemAttributes) : null;
        SenderId = senderId;
        MessageId = Guid.NewGuid().ToString();
    }

    public string MessageId { get; }

    public string Body { get; }

    public string Md5OfBody { get; }

    public IReadOnlyDictionary<string, SqsMessageAttribute> Attributes { get; }

    public string? Md5OfAttributes { get; }

    public IReadOnlyDictionary<string, SqsMessageAttribute> SystemAttributes { get; }

    public string? Md5OfSystemAttributes { get; }

    public string SenderId { get; }

    /// <summary>Gets the size SQS counts against the maximum message size: body plus attribute names, types and values.</summary>
    public int Size
    {
        get
        {
            var size = System.Text.Encoding.UTF8.GetByteCount(Body);
            foreach (var (name, attribute) in Attributes)
            {
                size += System.Text.Encoding.UTF8.GetByteCount(name) + System.Text.Encoding.UTF8.GetByteCount(attribute.DataType)
                    + (attribute.IsBinary ? attribute.BinaryValue?.Length ?? 0 : System.Text.Encoding.UTF8.GetByteCount(attribute.StringValue ?? string.Empty));
            }

            return size;
        }
    }

    public SqsMessage ToMessage(long sequence, DateTimeOffset sentAt, DateTimeOffset visibleAt) => new()
    {
        Sequence = sequence,
        MessageId = MessageId,
        Body = Body,
        Md5OfBody = Md5OfBody,
        MessageAttributes = Attributes,
        Md5OfMessageAttributes = Md5OfAttributes,
        SystemAttributes = SystemAttributes,
        Md5OfSystemAttributes = Md5OfSystemAttributes,
        SenderId = SenderId,
        SentAt = sentAt,
        VisibleAt = visibleAt,
    };
}
