namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Receives every change of the queue store so persistence can log it. A queue calls it under its own lock, so the
/// entries of one queue are logged in the order of its changes; each message change is logged by itself, so a busy
/// queue writes one small entry per send, receive or delete, never the whole queue.
/// </summary>
internal interface ISqsJournal
{
    /// <summary>Logs a whole queue with its messages (a created queue).</summary>
    void QueueChanged(SqsQueueState state);

    /// <summary>Logs a queue's attributes, tags and counters, without its messages.</summary>
    void QueueUpdated(SqsQueueState state);

    void QueueDeleted(string region, string name);

    /// <summary>Logs a sent, received, moved or re-timed message as it now is.</summary>
    void MessageStored(SqsMessageEntry entry);

    void MessageDeleted(SqsMessageDeletion deletion);

    void QueuePurged(SqsQueuePurge purge);

    Task WaitAllDurableAsync();
}
