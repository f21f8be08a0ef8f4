namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Records the provisioned read and write capacity units of a table or global secondary index.
/// </summary>
/// <param name="ReadCapacityUnits">The read capacity units (0 for on-demand).</param>
/// <param name="WriteCapacityUnits">The write capacity units (0 for on-demand).</param>
internal sealed record ProvisionedThroughput(long ReadCapacityUnits, long WriteCapacityUnits)
{
    /// <summary>Gets the zero throughput reported for on-demand tables.</summary>
    public static ProvisionedThroughput Zero { get; } = new(0, 0);
}
