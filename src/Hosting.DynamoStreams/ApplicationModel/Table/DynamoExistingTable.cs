namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Points the pattern at a table it does not create (the seed's <c>existingTableInterface</c>): a table in AWS
/// by name or ARN, or the table of another pattern in the same AppHost so that two functions consume one stream.
/// </summary>
public sealed class DynamoExistingTable
{
    /// <summary>Gets or sets the table name of a table in AWS (give this or <see cref="TableArn"/>).</summary>
    public string? TableName { get; set; }

    /// <summary>Gets or sets the ARN of a table in AWS (give this or <see cref="TableName"/>).</summary>
    public string? TableArn { get; set; }

    /// <summary>
    /// Gets or sets the ARN of the table's stream in AWS. Required for a table in AWS: the mapping reads this stream.
    /// </summary>
    public string? TableStreamArn { get; set; }

    /// <summary>Gets or sets the pattern whose table this pattern consumes; set by <c>WithExistingTable(pattern)</c>.</summary>
    public DynamoStreamsLambdaResource? Pattern { get; set; }

    /// <summary>
    /// Gets or sets the partition key of the empty stand-in table a local run creates for a table in AWS (default <c>id</c>, string).
    /// Local-only: the cloud uses the real table.
    /// </summary>
    public DynamoAttribute LocalPartitionKey { get; set; } = new("id", DynamoAttributeType.String);

    /// <summary>Gets or sets the sort key of the local stand-in table. Local-only.</summary>
    public DynamoAttribute? LocalSortKey { get; set; }

    /// <summary>Gets the table name, from <see cref="TableName"/> or the last part of <see cref="TableArn"/>.</summary>
    public string? ResolvedTableName => TableName ?? (TableArn is { } arn && arn.LastIndexOf('/') is var i and >= 0 ? arn[(i + 1)..] : null);
}
