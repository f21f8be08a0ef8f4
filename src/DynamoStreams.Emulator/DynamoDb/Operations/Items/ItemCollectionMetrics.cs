using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Writes <c>ItemCollectionMetrics</c>, which DynamoDB returns only for tables with local secondary indexes.
/// </summary>
internal static class ItemCollectionMetrics
{
    public static bool Applies(TableDefinition table, bool requested) => requested && table.LocalSecondaryIndexes.Count > 0;

    public static void WriteObject(Utf8JsonWriter writer, TableDefinition table, IReadOnlyDictionary<string, AttributeValue> key)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("ItemCollectionKey");
        writer.WritePropertyName(table.KeySchema.HashKey.Name);
        AttributeValueWriter.WriteValue(writer, key[table.KeySchema.HashKey.Name]);
        writer.WriteEndObject();
        writer.WriteStartArray("SizeEstimateRangeGB");
        writer.WriteNumberValue(0);
        writer.WriteNumberValue(1);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
