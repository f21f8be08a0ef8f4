using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Writes a Query or Scan page: Items (unless COUNT), Count, ScannedCount, LastEvaluatedKey, ConsumedCapacity.</summary>
internal static class ReadResponse
{
    public static void Write(Utf8JsonWriter writer, ReadRequest request, ReadSource source, PageCollector page)
    {
        writer.WriteStartObject();
        var fetchFromTable = request.Select == "ALL_ATTRIBUTES";
        if (!request.IsCount)
        {
            writer.WriteStartArray("Items");
            foreach (var item in page.Matches)
            {
                var visible = source.Projected(item.Attributes, fetchFromTable);
                AttributeValueWriter.WriteItem(writer, request.Projection is null ? visible : request.Projection.Apply(visible));
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("Count", page.Matches.Count);
        writer.WriteNumber("ScannedCount", page.ScannedCount);
        if (page.Truncated && page.LastEvaluated is not null)
        {
            writer.WritePropertyName("LastEvaluatedKey");
            AttributeValueWriter.WriteItem(writer, source.LastKeyOf(page.LastEvaluated.Attributes));
        }

        Capacity.WriteMember(writer, request.Options.ConsumedCapacity, source.Definition, Capacity.ReadUnits(page.BytesRead, request.ConsistentRead), source.Index?.Name);
        writer.WriteEndObject();
    }
}
