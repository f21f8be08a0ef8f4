using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>
/// Reads and checks the schema parts of CreateTable and UpdateTable: key schemas, attribute definitions,
/// projections, throughput and indexes, with DynamoDB's messages.
/// </summary>
internal static class TableSchemaReader
{
    // The member constraints (required names and types, enums, list lengths, ranges) were checked with the request's
    // shape; these readers only turn the members into the model.
    public static List<KeyAttribute>? ReadAttributeDefinitions(JsonElement body)
    {
        if (!JsonFields.TryGetArray(body, "AttributeDefinitions", out var array))
        {
            return null;
        }

        var list = new List<KeyAttribute>();
        foreach (var element in array.EnumerateArray())
        {
            list.Add(new KeyAttribute(JsonFields.GetString(element, "AttributeName")!, JsonFields.GetString(element, "AttributeType")!));
        }

        return list;
    }

    /// <summary>Reads a key schema as (name, keyType) pairs; null when absent.</summary>
    public static List<(string Name, string KeyType)>? ReadKeySchemaElements(JsonElement owner)
    {
        if (!JsonFields.TryGetArray(owner, "KeySchema", out var array))
        {
            return null;
        }

        var list = new List<(string, string)>();
        foreach (var element in array.EnumerateArray())
        {
            list.Add((JsonFields.GetString(element, "AttributeName")!, JsonFields.GetString(element, "KeyType")!));
        }

        return list;
    }

    /// <summary>Turns checked key schema elements into a <see cref="KeySchema"/>, applying DynamoDB's custom key rules.</summary>
    public static KeySchema BuildKeySchema(List<(string Name, string KeyType)> keys, IReadOnlyList<KeyAttribute> definitions, bool isTable)
    {
        // Observed: a table key schema with more elements than there are definitions is refused with this message
        // whatever the names (dynalite suite createTable.js 'missing key attr definition when double and same').
        if (isTable && definitions.Count < keys.Count)
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: Some index key attribute have no definition");
        }

        var defined = definitions.Select(d => d.Name).ToList();
        if (keys.Any(k => !defined.Contains(k.Name)))
        {

            throw DynamoDbErrors.InvalidParameter(
                "Some index key attributes are not defined in AttributeDefinitions. Keys: [" + string.Join(", ", keys.Select(k => k.Name))
                + "], AttributeDefinitions: [" + string.Join(", ", defined) + "]");
        }

        if (keys.Count == 2 && keys[0].Name == keys[1].Name)
        {
            throw DynamoDbErrors.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }

        if (keys[0].KeyType != "HASH")
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }

        if (keys.Count == 2 && keys[1].KeyType != "RANGE")
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }

        var hash = definitions.First(d => d.Name == keys[0].Name);
        var range = keys.Count == 2 ? definitions.First(d => d.Name == keys[1].Name) : null;
        return new KeySchema(hash, range);
    }

    public static ProvisionedThroughput? ReadThroughput(JsonElement owner)
    {
        if (!JsonFields.TryGetObject(owner, "ProvisionedThroughput", out var element))
        {
            return null;
        }

        return new ProvisionedThroughput(JsonFields.GetInt64(element, "ReadCapacityUnits")!.Value, JsonFields.GetInt64(element, "WriteCapacityUnits")!.Value);
    }

    /// <summary>The largest capacity the service accepts for a table or index.</summary>
    public const long MaxCapacityUnits = 1_000_000_000_000;

    /// <summary>Rejects capacity units above the service's bound, read before write, as DynamoDB does.</summary>
    public static void CheckBounds(ProvisionedThroughput? throughput)
    {
        if (throughput is null)
        {
            return;
        }

        if (throughput.ReadCapacityUnits > MaxCapacityUnits)
        {
            throw DynamoDbErrors.Validation("Given value " + throughput.ReadCapacityUnits.ToString(System.Globalization.CultureInfo.InvariantCulture) + " for ReadCapacityUnits is out of bounds");
        }

        if (throughput.WriteCapacityUnits > MaxCapacityUnits)
        {
            throw DynamoDbErrors.Validation("Given value " + throughput.WriteCapacityUnits.ToString(System.Globalization.CultureInfo.InvariantCulture) + " for WriteCapacityUnits is out of bounds");
        }
    }

    public static Projection ReadProjection(JsonElement index, string indexName)
    {
        if (!JsonFields.TryGetObject(index, "Projection", out var element))
        {
            throw DynamoDbErrors.InvalidParameter("Unknown ProjectionType: null");
        }

        var type = JsonFields.GetString(element, "ProjectionType");
        var nonKey = JsonFields.GetStringList(element, "NonKeyAttributes");
        if (type is null)
        {
            throw DynamoDbErrors.InvalidParameter("Unknown ProjectionType: null");
        }

        if (type is not ("ALL" or "KEYS_ONLY" or "INCLUDE"))
        {
            throw DynamoDbErrors.InvalidParameter("Unknown ProjectionType: " + type);
        }

        if (nonKey is not null && type != "INCLUDE")
        {
            throw DynamoDbErrors.InvalidParameter($"ProjectionType is {type}, but NonKeyAttributes is specified");
        }

        if (type == "INCLUDE" && (nonKey is null || nonKey.Count == 0))
        {
            throw DynamoDbErrors.InvalidParameter("NonKeyAttributes must be specified for index: " + indexName + " when ProjectionType is INCLUDE");
        }

        return new Projection(type, nonKey ?? []);
    }
}
