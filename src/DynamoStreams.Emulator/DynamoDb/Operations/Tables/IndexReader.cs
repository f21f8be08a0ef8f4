using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>Reads local and global secondary index declarations with DynamoDB's rules and messages.</summary>
internal static class IndexReader
{
    public static List<SecondaryIndex> ReadLocal(JsonElement array, KeySchema table, IReadOnlyList<KeyAttribute> definitions, HashSet<string> names)
    {
        var list = new List<SecondaryIndex>();
        if (array.GetArrayLength() == 0)
        {
            throw DynamoDbErrors.InvalidParameter("List of LocalSecondaryIndexes is empty");
        }

        if (table.RangeKey is null)
        {
            throw DynamoDbErrors.InvalidParameter("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }

        foreach (var element in array.EnumerateArray())
        {
            var (name, keySchema) = ReadNameAndKeys(element, "localSecondaryIndexes", definitions);
            if (keySchema.RangeKey is null)
            {
                throw DynamoDbErrors.InvalidParameter("Index KeySchema does not have a range key for index: " + name);
            }

            if (keySchema.HashKey.Name != table.HashKey.Name)
            {
                throw DynamoDbErrors.InvalidParameter(
                    $"Index KeySchema does not have the same leading hash key as table KeySchema for index: {name}. index hash key: {keySchema.HashKey.Name}, table hash key: {table.HashKey.Name}");
            }

            var projection = TableSchemaReader.ReadProjection(element, name);
            if (!names.Add(name))
            {
                throw DynamoDbErrors.InvalidParameter("Duplicate index name: " + name);
            }

            list.Add(new SecondaryIndex(name, keySchema, projection, IsGlobal: false, ProvisionedThroughput.Zero));
        }

        if (list.Count > 5)
        {
            throw DynamoDbErrors.InvalidParameter("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        }

        return list;
    }

    public static List<SecondaryIndex> ReadGlobal(JsonElement array, IReadOnlyList<KeyAttribute> definitions, HashSet<string> names, bool onDemand)
    {
        var list = new List<SecondaryIndex>();
        if (array.GetArrayLength() == 0)
        {
            throw DynamoDbErrors.InvalidParameter("List of GlobalSecondaryIndexes is empty");
        }

        foreach (var element in array.EnumerateArray())
        {
            list.Add(ReadOneGlobal(element, definitions, onDemand, "globalSecondaryIndexes"));
            if (!names.Add(list[^1].Name))
            {
                throw DynamoDbErrors.InvalidParameter("Duplicate index name: " + list[^1].Name);
            }
        }

        if (list.Count > 20)
        {
            throw DynamoDbErrors.InvalidParameter("GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }

        return list;
    }

    public static SecondaryIndex ReadOneGlobal(JsonElement element, IReadOnlyList<KeyAttribute> definitions, bool onDemand, string path)
    {
        var (name, keySchema) = ReadNameAndKeys(element, path, definitions);
        var projection = TableSchemaReader.ReadProjection(element, name);
        var throughput = TableSchemaReader.ReadThroughput(element);
        if (onDemand && throughput is not null)
        {
            throw DynamoDbErrors.InvalidParameter("ProvisionedThroughput should not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
        }

        if (!onDemand && throughput is null)
        {
            throw DynamoDbErrors.InvalidParameter("ProvisionedThroughput must be specified for index: " + name);
        }

        return new SecondaryIndex(name, keySchema, projection, IsGlobal: true, throughput ?? ProvisionedThroughput.Zero);
    }

    private static (string Name, KeySchema Keys) ReadNameAndKeys(JsonElement element, string path, IReadOnlyList<KeyAttribute> definitions)
    {
        // IndexName and KeySchema are required members: the request's shape check has reported them missing.
        var name = JsonFields.GetString(element, "IndexName")!;
        var keys = TableSchemaReader.ReadKeySchemaElements(element)!;
        return (name, TableSchemaReader.BuildKeySchema(keys, definitions, isTable: false));
    }
}
