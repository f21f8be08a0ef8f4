using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.Contracts.Pattern;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes the table the pattern creates, with the names of CDK's <c>TableProps</c> and the seed's defaults.
/// </summary>
/// <remarks>
/// Local runs create this table in the embedded emulator; the cloud path maps it onto <c>dynamoTableProps</c>.
/// Properties marked cloud-only have no local effect.
/// </remarks>
public sealed class DynamoTableOptions
{
    /// <summary>
    /// Gets or sets the physical table name. Locally the table is named after the pattern when this is null;
    /// in AWS CloudFormation generates a name. Read the real name from the <c>DynamoStreams:{pattern}:TableName</c> setting.
    /// </summary>
    public string? TableName { get; set; }

    /// <summary>Gets or sets the partition key (default <c>id</c>, string).</summary>
    public DynamoAttribute PartitionKey { get; set; } = new(SeedDefaults.PartitionKeyName, DynamoAttributeType.String);

    /// <summary>Gets or sets the optional sort key.</summary>
    public DynamoAttribute? SortKey { get; set; }

    /// <summary>Gets or sets what each stream record carries (default <see cref="DynamoStreamViewType.NewAndOldImages"/>).</summary>
    public DynamoStreamViewType Stream { get; set; } = DynamoWireNames.ParseStreamViewType(SeedDefaults.StreamViewType);

    /// <summary>Gets or sets the billing mode (default <see cref="DynamoBillingMode.PayPerRequest"/>).</summary>
    public DynamoBillingMode BillingMode { get; set; } = DynamoWireNames.ParseBillingMode(SeedDefaults.BillingMode);

    /// <summary>Gets or sets the read capacity; only with <see cref="DynamoBillingMode.Provisioned"/> (CDK's default 5). Cloud-only.</summary>
    public int? ReadCapacity { get; set; }

    /// <summary>Gets or sets the write capacity; only with <see cref="DynamoBillingMode.Provisioned"/> (CDK's default 5). Cloud-only.</summary>
    public int? WriteCapacity { get; set; }

    /// <summary>Gets or sets the attribute holding each item's expiry time in epoch seconds; null disables time to live.</summary>
    public string? TimeToLiveAttribute { get; set; }

    /// <summary>Gets the global secondary indexes.</summary>
    public IList<DynamoGlobalSecondaryIndex> GlobalSecondaryIndexes { get; } = [];

    /// <summary>Gets the local secondary indexes (they need a <see cref="SortKey"/>).</summary>
    public IList<DynamoLocalSecondaryIndex> LocalSecondaryIndexes { get; } = [];

    /// <summary>Gets or sets whether point-in-time recovery is on (the seed's default true). Cloud-only.</summary>
    public bool PointInTimeRecovery { get; set; } = SeedDefaults.PointInTimeRecovery;

    /// <summary>Gets or sets what happens to the table when the stack is deleted (the seed's default Retain). Cloud-only.</summary>
    public DynamoRemovalPolicy RemovalPolicy { get; set; } = DynamoRemovalPolicy.Retain;

    /// <summary>Gets or sets whether deletion protection is on. Cloud-only.</summary>
    public bool? DeletionProtection { get; set; }
}
