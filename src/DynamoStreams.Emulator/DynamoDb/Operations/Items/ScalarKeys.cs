using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Rejects an expression that reaches into a key attribute of the table or of any of its indexes with '.' or '[]'
/// (observed: dynalite suite scan.js "non-scalar key access", query.js "non-scalar index access in FilterExpression",
/// getItem.js "non-scalar key access in ProjectionExpression", updateItem.js "trying to update index map").
/// </summary>
internal static class ScalarKeys
{
    /// <summary>Checks a filter's paths, then a projection's.</summary>
    /// <param name="definition">The table.</param>
    /// <param name="filter">The filter, or null.</param>
    /// <param name="projection">The projection, or null.</param>
    public static void Check(TableDefinition definition, ConditionExpression? filter, ProjectionExpression? projection)
    {
        if (filter is not null)
        {
            foreach (var root in filter.NestedPathRoots())
            {
                CheckRoot(definition, root);
            }
        }

        if (projection is not null)
        {
            foreach (var path in projection.Paths)
            {
                CheckPath(definition, path);
            }
        }
    }

    /// <summary>Checks one path of an update or condition: a path of more than one element must not start at a key.</summary>
    /// <param name="definition">The table.</param>
    /// <param name="path">The path.</param>
    public static void CheckPath(TableDefinition definition, DocumentPath path)
    {
        if (path.Count > 1)
        {
            CheckRoot(definition, path.Root);
        }
    }

    private static void CheckRoot(TableDefinition definition, string root)
    {
        if (definition.KeySchema.Contains(root))
        {
            throw NotScalar("Key", root);
        }

        if (definition.SecondaryIndexes.Any(i => i.KeySchema.Contains(root)))
        {
            throw NotScalar("IndexKey", root);
        }
    }

    private static Protocol.Errors.AwsServiceException NotScalar(string kind, string name) =>
        DynamoDbErrors.Validation($"Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: {kind}: {name}");
}
