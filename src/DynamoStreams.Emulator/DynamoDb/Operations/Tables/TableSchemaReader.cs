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
    public static List<KeyAttribute>? ReadAttributeDefinitions(JsonElement body, ValidationErrors errors)
    {
        if (!JsonFields.TryGetArray(body, "AttributeDefinitions", out var array))
        {
            return null;
        }

        var list = new List<KeyAttribute>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            i++;
            var name = JsonFields.GetString(element, "AttributeName");
            var type = JsonFields.GetString(element, "AttributeType");
            if (name is null)
            {
                errors.NotNull($"attributeDefinitions.{i}.member.attributeName");
            }

            if (type is null)
            {
                errors.NotNull($"attributeDefinitions.{i}.member.attributeType");
            }
            else
            {
                errors.CheckEnum(type, $"attributeDefinitions.{i}.member.attributeType", "B", "N", "S");
            }

            list.Add(new KeyAttribute(name ?? string.Empty, type ?? string.Empty));
        }

        return list;
    }

    /// <summary>Reads a key schema as (name, keyType) pairs; null when absent.</summary>
    public static List<(string Name, string KeyType)>? ReadKeySchemaElements(JsonElement owner, string path, ValidationErrors errors)
    {
        if (!JsonFields.TryGetArray(owner, "KeySchema", out var array))
        {
            return null;
        }

        var list = new List<(string, string)>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            i++;
            var name = JsonFields.GetString(element, "AttributeName");
            var keyType = JsonFields.GetString(element, "KeyType");
            if (name is null)
            {
                errors.NotNull($"{path}.{i}.member.attributeName");
            }

            if (keyType is null)
            {
                errors.NotNull($"{path}.{i}.member.keyType");
            }
            else
            {
                errors.CheckEnum(keyType, $"{path}.{i}.member.keyType", "HASH", "RANGE");
            }

            list.Add((name ?? string.Empty, keyType ?? string.Empty));
        }

        if (list.Count < 1)
        {
            errors.Add("[]", path, "Member must have length greater than or equal to 1");
        }
        else if (list.Count > 2)
        {
            errors.Add("[" + string.Join(", ", list.Select(k => $"KeySchemaElement(attributeName={k.Item1}, keyType={k.Item2})")) + "]", path, "Member must have length less than or equal to 2");
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

    public static ProvisionedThroughput? ReadThroughput(JsonElement owner, string path, ValidationErrors errors)
    {
        if (!JsonFields.TryGetObject(owner, "ProvisionedThroughput", out var element))
        {
            return null;
        }

        var read = JsonFields.GetInt64(element, "ReadCapacityUnits");
        var write = JsonFields.GetInt64(element, "WriteCapacityUnits");
        if (write is null)
        {
            errors.NotNull(path + ".writeCapacityUnits");
        }
        else if (write < 1)
        {
            errors.Add(write.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".writeCapacityUnits", "Member must have value greater than or equal to 1");
        }

        if (read is null)
        {
            errors.NotNull(path + ".readCapacityUnits");
        }
        else if (read < 1)
        {
            errors.Add(read.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".readCapacityUnits", "Member must have value greater than or equal to 1");
        }

        return new ProvisionedThroughput(read ?? 0, write ?? 0);
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
