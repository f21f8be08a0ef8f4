using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Writes the response of a single-item write: Attributes, ConsumedCapacity, ItemCollectionMetrics.</summary>
internal static class WriteResponse
{
    public static void Write(
        Utf8JsonWriter writer,
        TableDefinition table,
        ReturnOptions options,
        IReadOnlyDictionary<string, AttributeValue>? attributes,
        IReadOnlyDictionary<string, AttributeValue> key,
        double units)
    {
        writer.WriteStartObject();
        if (attributes is not null)
        {
            writer.WritePropertyName("Attributes");
            AttributeValueWriter.WriteItem(writer, attributes);
        }

        Capacity.WriteMember(writer, options.ConsumedCapacity, table, units);
        if (ItemCollectionMetrics.Applies(table, options.ItemCollectionMetrics))
        {
            writer.WritePropertyName("ItemCollectionMetrics");
            ItemCollectionMetrics.WriteObject(writer, table, key);
        }

        writer.WriteEndObject();
    }
}
