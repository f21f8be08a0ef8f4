using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Validation;

/// <summary>
/// Checks seed items against the table they go into, so a bad seed fails when the AppHost is built rather than halfway
/// through writing it.
/// </summary>
internal static class SeedDataValidator
{
    /// <summary>
    /// Validates the seed of a pattern.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <exception cref="DistributedApplicationException">The seed cannot be written.</exception>
    public static void Validate(DynamoStreamsLambdaResource pattern)
    {
        if (pattern.SeedData is not { } seed)
        {
            return;
        }

        if (pattern.ExistingTable?.Pattern is { } owner)
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern,
                $"WithSeedData/WithSeedDataFile: the table belongs to pattern '{owner.Name}' (WithExistingTable); seed it there, so it is written once.");
        }

        var partitionKey = pattern.ExistingTable?.LocalPartitionKey ?? pattern.Table.PartitionKey;
        var sortKey = pattern.ExistingTable is { } existing ? existing.LocalSortKey : pattern.Table.SortKey;
        foreach (var item in seed.Items)
        {
            CheckKey(pattern, item, partitionKey, "partition key");
            if (sortKey is not null)
            {
                CheckKey(pattern, item, sortKey, "sort key");
            }
        }
    }

    private static void CheckKey(DynamoStreamsLambdaResource pattern, DynamoSeedItem item, DynamoAttribute key, string role)
    {
        if (!item.Item.TryGetValue(key.Name, out var value))
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern,
                $"seed item {item.Source} has no {role} '{key.Name}' ({key.TypeCode}): every seed item needs the table's key attributes.");
        }

        var type = TypeOf(value);
        if (type != key.TypeCode)
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern,
                $"seed item {item.Source} has {role} '{key.Name}' of type {type}, but the table declares it {key.TypeCode}: write it as {{\"{key.Name}\":{{\"{key.TypeCode}\":…}}}}.");
        }
    }

    private static string TypeOf(AttributeValue value) => value switch
    {
        { S: not null } => "S",
        { N: not null } => "N",
        { B: not null } => "B",
        { BOOL: not null } => "BOOL",
        { NULL: true } => "NULL",
        { SS.Count: > 0 } => "SS",
        { NS.Count: > 0 } => "NS",
        { BS.Count: > 0 } => "BS",
        { M: not null } => "M",
        { L: not null } => "L",
        _ => "an empty value",
    };
}
