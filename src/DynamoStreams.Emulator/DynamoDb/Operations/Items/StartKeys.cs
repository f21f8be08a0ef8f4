using System.Runtime.InteropServices;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Reads an <c>ExclusiveStartKey</c> and checks it against what is read, with DynamoDB's messages. Observed
/// (dynalite suite query.js / scan.js, ExclusiveStartKey tests): a key with the wrong number of attributes, or
/// missing a key attribute of what is read, is "invalid"; a key attribute of the wrong type "does not match the
/// schema"; the base table's key attributes of an index read, and every attribute of a table scan, are reported
/// with the "The provided starting key is invalid: " prefix.
/// </summary>
internal static class StartKeys
{
    public const string InvalidMessage = "The provided starting key is invalid";
    public const string MismatchMessage = "The provided key element does not match the schema";
    public const string Invalid = InvalidMessage + ": " + MismatchMessage;

    // The value faults DynamoDB reports as an invalid starting key; others (numbers, number sets, duplicate
    // set members) keep their own message.
    private static readonly string[] s_startKeyValueFaults =
    [
        AttributeValueReader.EmptyValueMessage,
        AttributeValueReader.MultipleTypesMessage,
        AttributeValueReader.NullFalseMessage,
        SetRules.EmptyStringSet,
        SetRules.EmptyBinarySet,
    ];

    /// <summary>Reads the request's ExclusiveStartKey, or null when absent.</summary>
    public static Dictionary<string, AttributeValue>? Read(JsonElement body)
    {
        if (!JsonFields.TryGet(body, "ExclusiveStartKey", out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw DynamoDbErrors.Serialization(element.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null");
        }

        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        reader.Read();
        var key = AttributeValueReader.ReadItem(ref reader, out var error);
        if (error is not null)
        {
            throw new DynamoValidationException(Array.IndexOf(s_startKeyValueFaults, error) >= 0 ? InvalidMessage + ": " + error : error);
        }

        return key!;
    }

    /// <summary>Checks the number of attributes: the table's key plus the index's.</summary>
    public static void CheckCount(IReadOnlyDictionary<string, AttributeValue> startKey, ReadSource source, bool prefixed)
    {
        if (startKey.Count != source.LastKeyAttributes().Count)
        {
            throw new DynamoValidationException(prefixed ? Invalid : InvalidMessage);
        }
    }

    /// <summary>Checks that one key attribute is present with its schema type.</summary>
    public static void CheckAttribute(IReadOnlyDictionary<string, AttributeValue> startKey, KeyAttribute attribute, bool prefixed)
    {
        if (!startKey.TryGetValue(attribute.Name, out var value))
        {
            throw new DynamoValidationException(prefixed ? Invalid : InvalidMessage);
        }

        if (AttributeValue.TypeKey(value.Type) != attribute.Type)
        {
            throw new DynamoValidationException(prefixed ? Invalid : MismatchMessage);
        }
    }

    /// <summary>Checks the base table's key attributes of an index read that the index key does not cover.</summary>
    public static void CheckTableKey(IReadOnlyDictionary<string, AttributeValue> startKey, ReadSource source)
    {
        if (source.Index is null)
        {
            return;
        }

        var tableKey = source.Definition.KeySchema;
        CheckUnlessIndexKey(startKey, tableKey.HashKey, source.Schema);
        if (tableKey.RangeKey is not null)
        {
            CheckUnlessIndexKey(startKey, tableKey.RangeKey, source.Schema);
        }
    }

    /// <summary>
    /// Checks a Query's start key against its key condition: the sort key must pass the sort-key test, and the
    /// partition key must be the queried one (observed: dynalite suite query.js "ExclusiveStartKey with
    /// non-matching range key", "matching range but non-matching hash key", "out-of-bounds hash key").
    /// </summary>
    public static void CheckWithinCondition(IReadOnlyDictionary<string, AttributeValue> startKey, KeyCondition condition)
    {
        if (condition.SortKeyName is not null && !condition.MatchesSortKey(startKey[condition.SortKeyName]))
        {
            throw new DynamoValidationException("The provided starting key does not match the range key predicate");
        }

        if (!startKey[condition.PartitionKeyName].Equals(condition.PartitionKeyValue))
        {
            throw new DynamoValidationException(condition.SortKeyName is not null
                ? "The query can return at most one row and cannot be restarted"
                : "The provided starting key is outside query boundaries based on provided conditions");
        }
    }

    private static void CheckUnlessIndexKey(IReadOnlyDictionary<string, AttributeValue> startKey, KeyAttribute attribute, KeySchema indexKey)
    {
        if (!indexKey.Contains(attribute.Name))
        {
            CheckAttribute(startKey, attribute, prefixed: true);
        }
    }
}
