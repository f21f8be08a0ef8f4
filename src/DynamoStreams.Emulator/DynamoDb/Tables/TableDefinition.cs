using DynamoStreams.Contracts.DynamoDb;

namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Describes a table as DescribeTable reports it, apart from live counters. Immutable: UpdateTable
/// replaces the whole definition, so readers always see a consistent snapshot.
/// </summary>
internal sealed record TableDefinition
{
    /// <summary>Gets the table name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the region the table lives in.</summary>
    public required string Region { get; init; }

    /// <summary>Gets the table ARN, <c>arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;name&gt;</c>.</summary>
    public required string Arn { get; init; }

    /// <summary>Gets the table id (a GUID, as DynamoDB reports).</summary>
    public required string TableId { get; init; }

    /// <summary>Gets when the table was created.</summary>
    public required DateTimeOffset CreationDateTime { get; init; }

    /// <summary>Gets the primary key.</summary>
    public required KeySchema KeySchema { get; init; }

    /// <summary>Gets the attribute definitions (name to S, N or B) of every key attribute of the table and its indexes.</summary>
    public required IReadOnlyList<KeyAttribute> AttributeDefinitions { get; init; }

    /// <summary>Gets the local secondary indexes.</summary>
    public IReadOnlyList<SecondaryIndex> LocalSecondaryIndexes { get; init; } = [];

    /// <summary>Gets the global secondary indexes.</summary>
    public IReadOnlyList<SecondaryIndex> GlobalSecondaryIndexes { get; init; } = [];

    /// <summary>Gets the local secondary indexes, then the global ones.</summary>
    public IEnumerable<SecondaryIndex> SecondaryIndexes => LocalSecondaryIndexes.Concat(GlobalSecondaryIndexes);

    /// <summary>Gets the billing mode: <c>PROVISIONED</c> or <c>PAY_PER_REQUEST</c>.</summary>
    public string BillingMode { get; init; } = BillingModes.Provisioned;

    /// <summary>Gets the provisioned throughput (zero on demand).</summary>
    public ProvisionedThroughput Throughput { get; init; } = ProvisionedThroughput.Zero;

    /// <summary>Gets when the billing mode was last set.</summary>
    public DateTimeOffset? BillingModeUpdated { get; init; }

    /// <summary>Gets the stream specification and latest stream.</summary>
    public StreamSettings Stream { get; init; } = StreamSettings.None;

    /// <summary>Gets whether server-side encryption with a KMS key was requested (SSE description is reported when true).</summary>
    public bool SseEnabled { get; init; }

    /// <summary>Gets the SSE type requested (<c>KMS</c>), or <see langword="null"/>.</summary>
    public string? SseType { get; init; }

    /// <summary>Gets the KMS key requested for SSE, or <see langword="null"/>.</summary>
    public string? KmsMasterKeyId { get; init; }

    /// <summary>Gets the table class: <c>STANDARD</c> or <c>STANDARD_INFREQUENT_ACCESS</c>.</summary>
    public string TableClass { get; init; } = "STANDARD";

    /// <summary>Gets whether deletion protection is enabled.</summary>
    public bool DeletionProtectionEnabled { get; init; }

    /// <summary>Gets whether point-in-time recovery is enabled.</summary>
    public bool PointInTimeRecoveryEnabled { get; init; }

    /// <summary>Gets whether the table uses on-demand billing.</summary>
    public bool IsOnDemand => BillingMode == BillingModes.PayPerRequest;

    /// <summary>Finds a secondary index by name.</summary>
    /// <param name="indexName">The index name.</param>
    /// <returns>The index, or <see langword="null"/>.</returns>
    public SecondaryIndex? FindIndex(string indexName)
    {
        foreach (var index in LocalSecondaryIndexes)
        {
            if (index.Name == indexName)
            {
                return index;
            }
        }

        foreach (var index in GlobalSecondaryIndexes)
        {
            if (index.Name == indexName)
            {
                return index;
            }
        }

        return null;
    }
}
