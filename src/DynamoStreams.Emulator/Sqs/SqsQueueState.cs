namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Captures a queue with its messages, for persistence.
/// </summary>
internal sealed record SqsQueueState(
    string Region,
    string Name,
    Dictionary<string, string> Attributes,
    Dictionary<string, string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastModifiedAt,
    DateTimeOffset? LastPurgedAt,
    long NextSequence,
    List<SqsMessageState> Messages);

/// <summary>
/// Captures one message and its delivery state, for persistence.
/// </summary>
internal sealed record SqsMessageState(
    long Sequence,
    string MessageId,
    string Body,
    Dictionary<string, SqsMessageAttribute> MessageAttributes,
    Dictionary<string, SqsMessageAttribute> SystemAttributes,
    string SenderId,
    DateTimeOffset SentAt,
    DateTimeOffset VisibleAt,
    int ReceiveCount,
    DateTimeOffset? FirstReceivedAt);
