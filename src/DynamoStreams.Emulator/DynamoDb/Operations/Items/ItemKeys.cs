using System.Text;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Checks keys and items against a table's key schema with DynamoDB's messages and limits
/// (partition key up to 2048 bytes, sort key up to 1024 bytes, no empty key strings or binaries).
/// </summary>
internal static class ItemKeys
{
    public const string SchemaMismatch = "The provided key element does not match the schema";

    /// <summary>Checks a <c>Key</c> member and returns it.</summary>
    public static IReadOnlyDictionary<string, AttributeValue> FromKey(IReadOnlyDictionary<string, AttributeValue> key, KeySchema schema, string mismatchMessage = SchemaMismatch)
    {
        var expected = schema.RangeKey is null ? 1 : 2;
        if (key.Count != expected || !Matches(key, schema.HashKey) || (schema.RangeKey is not null && !Matches(key, schema.RangeKey)))
        {
            throw DynamoDbErrors.Validation(mismatchMessage);
        }

        CheckNotEmpty(key[schema.HashKey.Name], schema.HashKey.Name, "One or more parameter values were invalid: ");
        if (schema.RangeKey is not null)
        {
            CheckNotEmpty(key[schema.RangeKey.Name], schema.RangeKey.Name, "One or more parameter values were invalid: ");
        }

        CheckSizes(key, schema);
        return key;
    }

    /// <summary>Checks a whole item (PutItem, a batch put, an updated item) and returns its key.</summary>
    /// <param name="item">The item.</param>
    /// <param name="table">The table.</param>
    /// <param name="mismatchMessage">
    /// The message for a missing or mistyped key attribute when the operation has one message for both (a batch
    /// put: <see cref="SchemaMismatch"/>); <see langword="null"/> names the attribute, as PutItem does.
    /// </param>
    public static KeyAttributes FromItem(IReadOnlyDictionary<string, AttributeValue> item, TableDefinition table, string? mismatchMessage = null)
    {
        var schema = table.KeySchema;
        if (mismatchMessage is not null && (!Matches(item, schema.HashKey) || (schema.RangeKey is not null && !Matches(item, schema.RangeKey))))
        {
            throw DynamoDbErrors.Validation(mismatchMessage);
        }

        var hash = TakeKeyAttribute(item, schema.HashKey);
        var key = schema.RangeKey is { } range
            ? new KeyAttributes(schema.HashKey.Name, hash, range.Name, TakeKeyAttribute(item, range))
            : new KeyAttributes(schema.HashKey.Name, hash);
        CheckSizes(key, schema);
        CheckIndexKeys(item, table);
        return key;
    }

    private static AttributeValue TakeKeyAttribute(IReadOnlyDictionary<string, AttributeValue> item, KeyAttribute attribute)
    {
        if (!item.TryGetValue(attribute.Name, out var value))
        {
            throw DynamoDbErrors.InvalidParameter("Missing the key " + attribute.Name + " in the item");
        }

        var actual = AttributeValue.TypeKey(value.Type);
        if (actual != attribute.Type)
        {
            throw DynamoDbErrors.InvalidParameter($"Type mismatch for key {attribute.Name} expected: {attribute.Type} actual: {actual}");
        }

        CheckNotEmpty(value, attribute.Name, "One or more parameter values are not valid. ");
        return value;
    }

    /// <summary>
    /// Returns whether two keys of a list are equal attribute for attribute, which DynamoDB checks before it looks
    /// the table (and so the key schema) up.
    /// </summary>
    /// <param name="keys">The keys as sent.</param>
    /// <returns>Whether a key repeats.</returns>
    public static bool HasDuplicates(List<Dictionary<string, AttributeValue>> keys)
    {
        for (var i = 1; i < keys.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ItemEquality.AreEqual(keys[i], keys[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Gets the identity of the item a (checked) key names, to find two requests for one item.</summary>
    /// <param name="key">The key attributes.</param>
    /// <param name="schema">The table's key schema.</param>
    /// <returns>The partition and sort key values.</returns>
    public static ItemKey Identity(IReadOnlyDictionary<string, AttributeValue> key, KeySchema schema) =>
        new(key[schema.HashKey.Name], schema.RangeKey is null ? null : key[schema.RangeKey.Name]);

    /// <summary>Extracts the key of a stored item.</summary>
    public static Dictionary<string, AttributeValue> Of(IReadOnlyDictionary<string, AttributeValue> item, KeySchema schema)
    {
        var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal) { [schema.HashKey.Name] = item[schema.HashKey.Name] };
        if (schema.RangeKey is not null)
        {
            key[schema.RangeKey.Name] = item[schema.RangeKey.Name];
        }

        return key;
    }

    private static void CheckIndexKeys(IReadOnlyDictionary<string, AttributeValue> item, TableDefinition table)
    {
        if (table.LocalSecondaryIndexes.Count == 0 && table.GlobalSecondaryIndexes.Count == 0)
        {
            return;
        }

        foreach (var index in table.SecondaryIndexes)
        {
            foreach (var attribute in index.KeySchema.Attributes)
            {
                if (table.KeySchema.Contains(attribute.Name) || !item.TryGetValue(attribute.Name, out var value))
                {
                    continue;
                }

                var actual = AttributeValue.TypeKey(value.Type);
                if (actual != attribute.Type)
                {
                    throw DynamoDbErrors.InvalidParameter($"Type mismatch for Index Key {attribute.Name} Expected: {attribute.Type} Actual: {actual} IndexName: {index.Name}");
                }

                if (IsEmpty(value))
                {
                    throw DynamoDbErrors.Validation(
                        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                        + (value.Type == AttributeValueType.S ? "string" : "binary") + $" value. IndexName: {index.Name}, IndexKey: {attribute.Name}");
                }
            }
        }
    }

    private static bool Matches(IReadOnlyDictionary<string, AttributeValue> key, KeyAttribute attribute) =>
        key.TryGetValue(attribute.Name, out var value) && AttributeValue.TypeKey(value.Type) == attribute.Type;

    private static bool IsEmpty(AttributeValue value) => value.Type switch
    {
        AttributeValueType.S => value.AsString().Length == 0,
        AttributeValueType.B => value.AsBinary().Length == 0,
        _ => false,
    };

    private static void CheckNotEmpty(AttributeValue value, string name, string prefix)
    {
        if (IsEmpty(value))
        {
            var kind = value.Type == AttributeValueType.S ? "string" : "binary";
            throw DynamoDbErrors.Validation($"{prefix}The AttributeValue for a key attribute cannot contain an empty {kind} value. Key: {name}");
        }
    }

    private static void CheckSizes(IReadOnlyDictionary<string, AttributeValue> key, KeySchema schema)
    {
        if (ByteLength(key[schema.HashKey.Name]) > 2048)
        {
            throw DynamoDbErrors.InvalidParameter("Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }

        if (schema.RangeKey is not null && ByteLength(key[schema.RangeKey.Name]) > 1024)
        {
            throw DynamoDbErrors.InvalidParameter("Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    private static int ByteLength(AttributeValue value) => value.Type switch
    {
        AttributeValueType.S => Encoding.UTF8.GetByteCount(value.AsString()),
        AttributeValueType.B => value.AsBinary().Length,
        _ => (int)ItemSize.Of(value),
    };
}
