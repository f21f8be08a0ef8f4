namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Lets <see cref="BatchProcessor"/> build payloads and hand back records it has finished with.</summary>
internal interface IBatchOwner
{
    /// <summary>Gets the shard the records come from.</summary>
    string ShardId { get; }

    /// <summary>Builds the event for an attempt.</summary>
    byte[] BuildPayload(IReadOnlyList<PendingRecord> records);

    /// <summary>Reads the response of a successful invocation.</summary>
    BatchVerdict Interpret(ReadOnlyMemory<byte> response, IReadOnlyList<PendingRecord> records);

    /// <summary>Takes records the function processed (the whole batch, or the part before the lowest failure).</summary>
    Task SucceededAsync(IReadOnlyList<PendingRecord> records, BatchVerdict verdict, CancellationToken cancellationToken);

    /// <summary>Takes records discarded (sent to the destination or dropped).</summary>
    Task DiscardedAsync(IReadOnlyList<PendingRecord> records, CancellationToken cancellationToken);
}
