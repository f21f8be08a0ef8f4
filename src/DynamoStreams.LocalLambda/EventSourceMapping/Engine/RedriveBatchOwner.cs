namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Owns a redriven range: counts outcomes and leaves the mapping's checkpoints alone.</summary>
internal sealed class RedriveBatchOwner(MappingContext context, string shardId) : IBatchOwner
{
    public string ShardId => shardId;

    public int Delivered { get; private set; }

    public int Discarded { get; private set; }

    public byte[] BuildPayload(IReadOnlyList<PendingRecord> records) => EventPayload.Build(records);

    public BatchVerdict Interpret(ReadOnlyMemory<byte> response, IReadOnlyList<PendingRecord> records) =>
        BatchResponseReader.Read(response, records, context.Configuration.ReportBatchItemFailures, windowed: false);

    public Task SucceededAsync(IReadOnlyList<PendingRecord> records, BatchVerdict verdict, CancellationToken cancellationToken)
    {
        Delivered += records.Count;
        return Task.CompletedTask;
    }

    public Task DiscardedAsync(IReadOnlyList<PendingRecord> records, CancellationToken cancellationToken)
    {
        Discarded += records.Count;
        return Task.CompletedTask;
    }
}
