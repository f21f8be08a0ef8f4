namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Receives every change of the stream store so persistence can log it: a stream's shape (status and shards) and
/// each appended record. Called under the stream's lock, in order.
/// </summary>
internal interface IStreamJournal
{
    void StreamChanged(StreamStateSnapshot state);

    void RecordAppended(string streamArn, StreamRecord record);
}
