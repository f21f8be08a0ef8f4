namespace DynamoStreams.Emulator.Sqs.Storage;

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

/// <summary>Captures one message of a queue as it now is, for persistence.</summary>
internal sealed record SqsMessageEntry(string Region, string Name, SqsMessageState Message);

/// <summary>Records that a message left a queue (deleted, or moved to the dead-letter queue), for persistence.</summary>
internal sealed record SqsMessageDeletion(string Region, string Name, string MessageId);

/// <summary>Records a purge of a queue, for persistence.</summary>
internal sealed record SqsQueuePurge(string Region, string Name, DateTimeOffset At);

/// <summary>
/// Captures one message and its delivery state, for persistence.
/// </summary>
internal sealed record SqsMessageState(
    long Sequence,
    string MessageId,
    string Body,
    IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes,
    IReadOnlyDictionary<string, SqsMessageAttribute> SystemAttributes,
    string SenderId,
    DateTimeOffset SentAt,
    DateTimeOffset VisibleAt,
    int ReceiveCount,
    DateTimeOffset? FirstReceivedAt);
