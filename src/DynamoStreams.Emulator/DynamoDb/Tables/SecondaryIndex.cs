namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Describes a local or global secondary index.
/// </summary>
/// <param name="Name">The index name.</param>
/// <param name="KeySchema">The index key.</param>
/// <param name="Projection">The attributes the index copies.</param>
/// <param name="IsGlobal"><see langword="true"/> for a global secondary index.</param>
/// <param name="Throughput">The provisioned throughput of a global index (zero on demand).</param>
internal sealed record SecondaryIndex(
    string Name,
    KeySchema KeySchema,
    Projection Projection,
    bool IsGlobal,
    ProvisionedThroughput Throughput);
