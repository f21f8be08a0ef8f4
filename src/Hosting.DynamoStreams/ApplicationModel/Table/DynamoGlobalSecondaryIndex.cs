namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes a global secondary index (CDK's <c>GlobalSecondaryIndexProps</c>).
/// </summary>
public sealed class DynamoGlobalSecondaryIndex
{
    /// <summary>Gets or sets the index name.</summary>
    public required string IndexName { get; set; }

    /// <summary>Gets or sets the index partition key.</summary>
    public required DynamoAttribute PartitionKey { get; set; }

    /// <summary>Gets or sets the optional index sort key.</summary>
    public DynamoAttribute? SortKey { get; set; }

    /// <summary>Gets or sets which attributes the index copies (default <see cref="DynamoProjectionType.All"/>).</summary>
    public DynamoProjectionType ProjectionType { get; set; } = DynamoProjectionType.All;

    /// <summary>Gets the attributes copied with <see cref="DynamoProjectionType.Include"/>.</summary>
    public IList<string> NonKeyAttributes { get; } = [];

    /// <summary>Gets or sets the read capacity with provisioned billing (CDK's default 5). Cloud-only.</summary>
    public int? ReadCapacity { get; set; }

    /// <summary>Gets or sets the write capacity with provisioned billing (CDK's default 5). Cloud-only.</summary>
    public int? WriteCapacity { get; set; }
}
