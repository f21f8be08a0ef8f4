using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Contracts.DynamoDb;
using static Aspire.Hosting.DynamoStreams.Validation.DynamoStreamsLambdaValidator;

namespace Aspire.Hosting.DynamoStreams.Validation;

/// <summary>
/// Checks the table options with DynamoDB's and CDK's rules.
/// </summary>
internal static partial class DynamoTableValidator
{
    private const int MaxLocalSecondaryIndexes = 5;
    private const int MaxGlobalSecondaryIndexes = 20;

    /// <summary>
    /// Validates the table the pattern creates, or the stand-in keys of an existing table.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    public static void Validate(DynamoStreamsLambdaResource pattern)
    {
        if (pattern.ExistingTable is { } existing)
        {
            ValidateKey(pattern, "ExistingTable.LocalPartitionKey", existing.LocalPartitionKey);
            if (existing.LocalSortKey is { } localSort)
            {
                ValidateKey(pattern, "ExistingTable.LocalSortKey", localSort);
            }

            return;
        }

        var t = pattern.Table;
        if (t.TableName is { } name && !TableNameRegex().IsMatch(name))
        {
            throw Fail(pattern, $"Table.TableName '{name}' is invalid: a table name has 3 to 255 letters, digits, '_', '-' or '.'.");
        }

        if (t.PartitionKey is null)
        {
            throw Fail(pattern, "a partition key must be specified. Set Table.PartitionKey, for example new DynamoAttribute(\"id\", DynamoAttributeType.String).");
        }

        ValidateKey(pattern, "Table.PartitionKey", t.PartitionKey);
        var types = new Dictionary<string, DynamoAttributeType>(StringComparer.Ordinal) { [t.PartitionKey.Name] = t.PartitionKey.Type };
        if (t.SortKey is { } sortKey)
        {
            ValidateKey(pattern, "Table.SortKey", sortKey);
            if (sortKey.Name == t.PartitionKey.Name)
            {
                throw Fail(pattern, $"Unable to set {sortKey.Name} as a RANGE key, because {t.PartitionKey.Name} is a HASH key. Give Table.SortKey a name other than the partition key's.");
            }

            types[sortKey.Name] = sortKey.Type;
        }

        if (t.BillingMode == DynamoBillingMode.PayPerRequest && (t.ReadCapacity is not null || t.WriteCapacity is not null))
        {
            throw Fail(pattern, $"you cannot provision read and write capacity for a table with {BillingModes.PayPerRequest} billing mode. Remove Table.ReadCapacity/WriteCapacity, or set Table.BillingMode = DynamoBillingMode.Provisioned.");
        }

        if (t.ReadCapacity is < 1 || t.WriteCapacity is < 1)
        {
            throw Fail(pattern, "Table.ReadCapacity and Table.WriteCapacity must be at least 1.");
        }

        if (t.TimeToLiveAttribute is { Length: 0 })
        {
            throw Fail(pattern, "Table.TimeToLiveAttribute is empty: give the attribute holding the expiry in epoch seconds, or null to turn time to live off.");
        }

        ValidateIndexes(pattern, t, types);
    }

    private static void ValidateIndexes(DynamoStreamsLambdaResource pattern, DynamoTableOptions t, Dictionary<string, DynamoAttributeType> types)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (t.GlobalSecondaryIndexes.Count > MaxGlobalSecondaryIndexes)
        {
            throw Fail(pattern, $"Table.GlobalSecondaryIndexes has {t.GlobalSecondaryIndexes.Count} indexes; a table has at most {MaxGlobalSecondaryIndexes}.");
        }

        foreach (var gsi in t.GlobalSecondaryIndexes)
        {
            ValidateIndexName(pattern, gsi.IndexName, names);
            ValidateKey(pattern, $"GlobalSecondaryIndexes['{gsi.IndexName}'].PartitionKey", gsi.PartitionKey);
            Register(pattern, types, gsi.PartitionKey);
            if (gsi.SortKey is { } sort)
            {
                ValidateKey(pattern, $"GlobalSecondaryIndexes['{gsi.IndexName}'].SortKey", sort);
                Register(pattern, types, sort);
            }

            ValidateProjection(pattern, gsi.ProjectionType, gsi.NonKeyAttributes);
            if (t.BillingMode == DynamoBillingMode.PayPerRequest && (gsi.ReadCapacity is not null || gsi.WriteCapacity is not null))
            {
                throw Fail(pattern, $"you cannot provision read and write capacity for a table with {BillingModes.PayPerRequest} billing mode. Remove ReadCapacity/WriteCapacity from index '{gsi.IndexName}'.");
            }
        }

        if (t.LocalSecondaryIndexes.Count > 0 && t.SortKey is null)
        {
            throw Fail(pattern, "a sort key of the table must be specified to add local secondary indexes. Set Table.SortKey, or use a global secondary index.");
        }

        if (t.LocalSecondaryIndexes.Count > MaxLocalSecondaryIndexes)
        {
            throw Fail(pattern, $"a maximum number of local secondary index per table is {MaxLocalSecondaryIndexes}. Remove some of Table.LocalSecondaryIndexes.");
        }

        foreach (var lsi in t.LocalSecondaryIndexes)
        {
            ValidateIndexName(pattern, lsi.IndexName, names);
            ValidateKey(pattern, $"LocalSecondaryIndexes['{lsi.IndexName}'].SortKey", lsi.SortKey);
            Register(pattern, types, lsi.SortKey);
            ValidateProjection(pattern, lsi.ProjectionType, lsi.NonKeyAttributes);
        }
    }

    private static void ValidateIndexName(DynamoStreamsLambdaResource pattern, string indexName, HashSet<string> names)
    {
        if (string.IsNullOrEmpty(indexName) || !IndexNameRegex().IsMatch(indexName))
        {
            throw Fail(pattern, $"The index name '{indexName}' is invalid: an index name has 3 to 255 letters, digits, '_', '-' or '.'.");
        }

        if (!names.Add(indexName))
        {
            throw Fail(pattern, $"a duplicate index name, {indexName}, is not allowed. Give each secondary index its own IndexName.");
        }
    }

    private static void ValidateProjection(DynamoStreamsLambdaResource pattern, DynamoProjectionType type, IList<string> nonKeyAttributes)
    {
        if (type == DynamoProjectionType.Include && nonKeyAttributes.Count == 0)
        {
            throw Fail(pattern, "non-key attributes should be specified when using INCLUDE projection type. Add NonKeyAttributes, or use ProjectionType All or KeysOnly.");
        }

        if (type != DynamoProjectionType.Include && nonKeyAttributes.Count > 0)
        {
            throw Fail(pattern, "non-key attributes should not be specified when not using INCLUDE projection type. Remove NonKeyAttributes, or set ProjectionType = DynamoProjectionType.Include.");
        }
    }

    private static void Register(DynamoStreamsLambdaResource pattern, Dictionary<string, DynamoAttributeType> types, DynamoAttribute attribute)
    {
        if (types.TryGetValue(attribute.Name, out var existing) && existing != attribute.Type)
        {
            throw Fail(pattern, $"Unable to specify {attribute.Name} as {TypeName(attribute.Type)} because it was already defined as {TypeName(existing)}. Use one type for '{attribute.Name}' in every key.");
        }

        types[attribute.Name] = attribute.Type;
    }

    private static void ValidateKey(DynamoStreamsLambdaResource pattern, string option, DynamoAttribute key)
    {
        if (key is null || string.IsNullOrEmpty(key.Name))
        {
            throw Fail(pattern, $"{option} has no attribute name: give the key attribute a name such as \"id\".");
        }

        if (key.Name.Length > 255)
        {
            throw Fail(pattern, $"{option} name is {key.Name.Length} characters long; a key attribute name has at most 255.");
        }

        if (!Enum.IsDefined(key.Type))
        {
            throw Fail(pattern, $"{option} has an unknown type {(int)key.Type}: use String, Number or Binary.");
        }
    }

    private static string TypeName(DynamoAttributeType type) => type switch
    {
        DynamoAttributeType.Number => "N",
        DynamoAttributeType.Binary => "B",
        _ => "S",
    };

    [GeneratedRegex(@"^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNameRegex();

    [GeneratedRegex(@"^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex IndexNameRegex();
}
