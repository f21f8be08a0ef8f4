using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// DynamoDB's rules on expressions that touch key attributes of the table or its indexes, checked once the table is
/// known and before the item is read: a key attribute is a scalar, so an update path into it (<c>d.b</c>, <c>d[1]</c>)
/// is refused (the rule lives in <see cref="ScalarKeys"/>); an update whose value type is known from the expression
/// alone must match the index key's type.
/// </summary>
internal static class IndexKeyPaths
{
    /// <summary>
    /// Checks an UpdateExpression against the index keys: first a statically known value of the wrong type for an
    /// index key (indexes in table order), then any path into a key attribute.
    /// </summary>
    public static void CheckUpdate(UpdateExpression update, TableDefinition table)
    {
        if (table.LocalSecondaryIndexes.Count == 0 && table.GlobalSecondaryIndexes.Count == 0)
        {
            return;
        }

        foreach (var index in table.SecondaryIndexes)
        {
            foreach (var attribute in index.KeySchema.Attributes)
            {
                if (table.KeySchema.Contains(attribute.Name))
                {
                    continue;
                }

                foreach (var action in update.Actions)
                {
                    if (action.Path.Count == 1 && action.Path.Root == attribute.Name && StaticType(action) is { } type && type != attribute.Type)
                    {
                        throw DynamoDbErrors.InvalidParameter(
                            $"Type mismatch for Index Key {attribute.Name} Expected: {attribute.Type} Actual: {type} IndexName: {index.Name}");
                    }
                }
            }
        }

        var paths = new List<DocumentPath>();
        foreach (var action in update.Actions)
        {
            paths.Add(action.Path);
            if (action.Value is not null)
            {
                OperandPaths.Collect(action.Value, paths);
            }
        }

        foreach (var path in paths)
        {
            ScalarKeys.CheckPath(table, path);
        }
    }

    /// <summary>
    /// Rejects an expression update that left an index key of another type than its definition (the value came
    /// from the item, so only the result shows it).
    /// </summary>
    public static void CheckUpdatedItem(UpdateExpression update, IReadOnlyDictionary<string, AttributeValue> item, TableDefinition table)
    {
        if ((table.LocalSecondaryIndexes.Count == 0 && table.GlobalSecondaryIndexes.Count == 0) || update.Actions.Count == 0 || update.Actions[0].Legacy)
        {
            return;
        }

        foreach (var index in table.SecondaryIndexes)
        {
            foreach (var attribute in index.KeySchema.Attributes)
            {
                if (!table.KeySchema.Contains(attribute.Name) && item.TryGetValue(attribute.Name, out var value) &&
                    AttributeValue.TypeKey(value.Type) != attribute.Type && Writes(update, attribute.Name))
                {
                    throw DynamoDbErrors.Validation("The update expression attempted to update the secondary index key to unsupported type");
                }
            }
        }
    }

    private static bool Writes(UpdateExpression update, string attribute)
    {
        foreach (var action in update.Actions)
        {
            if (action.Path.Root == attribute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type an action gives its target when the expression alone tells it, or null.</summary>
    private static string? StaticType(UpdateAction action) => action.Kind switch
    {
        UpdateActionKind.Set or UpdateActionKind.Add => action.Value switch
        {
            ValueOperand value => AttributeValue.TypeKey(value.Value.Type),
            ArithmeticOperand => "N",
            _ => null,
        },
        _ => null,
    };
}
