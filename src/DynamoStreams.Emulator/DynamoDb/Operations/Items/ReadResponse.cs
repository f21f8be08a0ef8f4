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

        if (request.Options.ConsumedCapacity != "NONE")
        {
            WriteCapacity(writer, request, source, page, fetchFromTable);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes what the page cost: a read unit per started 4 KB of everything read (not per item). On a secondary
    /// index, the index is charged for its entries (the projected attributes only) and the table, when
    /// ALL_ATTRIBUTES makes a local index fetch the rest, for the whole items fetched (observed: dynalite suite
    /// query.js 'should return all attributes when specified for secondary indexes').
    /// </summary>
    private static void WriteCapacity(Utf8JsonWriter writer, ReadRequest request, ReadSource source, PageCollector page, bool fetchFromTable)
    {
        var mode = request.Options.ConsumedCapacity;
        if (source.Index is not { } index)
        {
            Capacity.WriteMember(writer, mode, source.Definition, Capacity.ReadUnits(page.BytesRead, request.ConsistentRead));
            return;
        }

        if (index.Projection.ProjectionType == "ALL")
        {
            Capacity.WriteMember(writer, mode, source.Definition, 0, index.Name, Capacity.ReadUnits(page.BytesRead, request.ConsistentRead));
            return;
        }

        long entryBytes = 0;
        foreach (var item in page.Evaluated)
        {
            entryBytes += ItemSize.Of(source.Projected(item.Attributes, fetchFromTable: false));
        }

        double tableUnits = 0;
        if (fetchFromTable && page.Matches.Count > 0)
        {
            long fetched = 0;
            foreach (var item in page.Matches)
            {
                fetched += item.Size;
            }

            tableUnits = Capacity.ReadUnits(fetched, request.ConsistentRead);
        }

        Capacity.WriteMember(writer, mode, source.Definition, tableUnits, index.Name, Capacity.ReadUnits(entryBytes, request.ConsistentRead));
    }
}
