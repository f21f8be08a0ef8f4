namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Receives every change of the queue store so persistence can log it.
/// </summary>
internal interface ISqsJournal
{
    void QueueChanged(SqsQueueState state);

    void QueueDeleted(string region, string name);

    Task WaitAllDurableAsync();
}
