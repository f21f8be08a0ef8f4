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

    /// <summary>Gets when UpdateTable last raised either value (reported as <c>LastIncreaseDateTime</c>), or <see langword="null"/>.</summary>
    public DateTimeOffset? LastIncreaseDateTime { get; init; }

    /// <summary>Gets when UpdateTable last lowered either value (reported as <c>LastDecreaseDateTime</c>), or <see langword="null"/>.</summary>
    public DateTimeOffset? LastDecreaseDateTime { get; init; }

    /// <summary>Gets how many decreases UpdateTable made (reported as <c>NumberOfDecreasesToday</c>; the emulator never resets it).</summary>
    public int NumberOfDecreasesToday { get; init; }

    /// <summary>Gets whether both values equal <paramref name="other"/>'s, whatever the change history.</summary>
    /// <param name="other">The throughput to compare.</param>
    /// <returns><see langword="true"/> when the units are the same.</returns>
    public bool HasSameUnits(ProvisionedThroughput other) =>
        ReadCapacityUnits == other.ReadCapacityUnits && WriteCapacityUnits == other.WriteCapacityUnits;
}
