namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes the items a local run writes into a pattern's table once, when it creates the table. Local-only: a
/// deployed table starts empty (load it with <c>aws dynamodb batch-write-item</c>).
/// </summary>
public sealed class DynamoSeedData
{
    /// <summary>Gets the items, in the order they are written (code items and file items in the order they were added).</summary>
    public IList<DynamoSeedItem> Items { get; } = [];

    /// <summary>
    /// Gets or sets whether writing the seed produces stream records that the mapping delivers to the function
    /// (default true, as any write in DynamoDB does). False writes the items before the table's stream is enabled, so
    /// the function sees only later changes.
    /// </summary>
    public bool ProduceStreamRecords { get; set; } = true;
}
