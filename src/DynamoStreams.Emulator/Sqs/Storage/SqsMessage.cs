namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Holds one message of a queue with its delivery state. Mutable state is guarded by the owning queue's lock.
/// </summary>
internal sealed class SqsMessage
{
    public required long Sequence { get; init; }

    public required string MessageId { get; init; }

    public required string Body { get; init; }

    public required string Md5OfBody { get; init; }

    public required IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes { get; init; }

    public string? Md5OfMessageAttributes { get; init; }

    public required IReadOnlyDictionary<string, SqsMessageAttribute> SystemAttributes { get; init; }

    public string? Md5OfSystemAttributes { get; init; }

    public required string SenderId { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Gets or sets when the message is next visible (after a delay or a receive).</summary>
    public DateTimeOffset VisibleAt { get; set; }

    public int ReceiveCount { get; set; }

    public DateTimeOffset? FirstReceivedAt { get; set; }

    public bool IsDelayed(DateTimeOffset now) => ReceiveCount == 0 && VisibleAt > now;

    public bool IsInFlight(DateTimeOffset now) => ReceiveCount > 0 && VisibleAt > now;

    /// <summary>Copies the message for a dead-letter queue: same id and receive history, visible at once.</summary>
    public SqsMessage CopyForRedrive(long sequence, DateTimeOffset now) => new()
    {
        Sequence = sequence,
        MessageId = MessageId,
        Body = Body,
        Md5OfBody = Md5OfBody,
        MessageAttributes = MessageAttributes,
        Md5OfMessageAttributes = Md5OfMessageAttributes,
        SystemAttributes = SystemAttributes,
        Md5OfSystemAttributes = Md5OfSystemAttributes,
        SenderId = SenderId,
        SentAt = SentAt,
        VisibleAt = now,
        ReceiveCount = ReceiveCount,
        FirstReceivedAt = FirstReceivedAt,
    };
}
