namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Says whether a <c>ConsumedCapacity</c> object repeats its units as <c>ReadCapacityUnits</c> or
/// <c>WriteCapacityUnits</c>. DynamoDB does that only in transaction responses; GetItem, PutItem,
/// UpdateItem, DeleteItem, Query, Scan and the batch operations report the aggregate
/// <c>CapacityUnits</c> alone.
/// </summary>
internal enum CapacitySplit
{
    /// <summary>Only <c>CapacityUnits</c> (every non-transactional operation).</summary>
    None,

    /// <summary>Also <c>ReadCapacityUnits</c> (TransactGetItems).</summary>
    Read,

    /// <summary>Also <c>WriteCapacityUnits</c> (TransactWriteItems).</summary>
    Write,
}
