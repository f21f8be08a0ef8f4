using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Streams;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Writes the log entries: one JSON object per entry, <c>{"t":"&lt;type&gt;", ...}</c>. The README in this folder
/// lists every type.
/// </summary>
internal static class StateEntries
{
    public static void WriteTable(Utf8JsonWriter writer, TableDefinition definition, IReadOnlyDictionary<string, string> tags)
    {
        writer.WriteStartObject();
        writer.WriteString("t", EntryTypes.Table);
        writer.WritePropertyName("def");
        JsonSerializer.Serialize(writer, definition, StateJournal.SerializerOptions);
        writer.WritePropertyName("tags");
        JsonSerializer.Serialize(writer, tags, StateJournal.SerializerOptions);
        writer.WriteEndObject();
    }

    public static void WriteName(Utf8JsonWriter writer, string type, string region, string name)
    {
        writer.WriteStartObject();
        writer.WriteString("t", type);
        writer.WriteString("r", region);
        writer.WriteString("n", name);
        writer.WriteEndObject();
    }

    public static void WriteItem(Utf8JsonWriter writer, string type, string region, string table, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        writer.WriteString("t", type);
        writer.WriteString("r", region);
        writer.WriteString("n", table);
        writer.WritePropertyName("i");
        AttributeValueWriter.WriteItem(writer, item);
        writer.WriteEndObject();
    }

    public static void WriteTyped<T>(Utf8JsonWriter writer, string type, T value)
    {
        writer.WriteStartObject();
        writer.WriteString("t", type);
        writer.WritePropertyName("d");
        JsonSerializer.Serialize(writer, value, StateJournal.SerializerOptions);
        writer.WriteEndObject();
    }

    public static void WriteKeyValue(Utf8JsonWriter writer, string key, string? value)
    {
        writer.WriteStartObject();
        writer.WriteString("t", value is null ? EntryTypes.KeyValueDeleted : EntryTypes.KeyValue);
        writer.WriteString("k", key);
        if (value is not null)
        {
            writer.WriteString("v", value);
        }

        writer.WriteEndObject();
    }

    public static void WriteRecord(Utf8JsonWriter writer, string streamArn, StreamRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("t", EntryTypes.Record);
        writer.WriteString("a", streamArn);
        writer.WriteString("s", record.ShardId);
        writer.WriteNumber("c", record.Counter);
        // From the id itself: asking the record for EventId would keep its text for the record's whole retention.
        Span<char> eventId = stackalloc char[32];
        record.EventGuid.TryFormat(eventId, out _, "N");
        writer.WriteString("e", eventId);
        writer.WriteString("en", record.EventName);
        writer.WriteNumber("at", record.ApproximateCreationDateTime.ToUnixTimeMilliseconds());
        writer.WriteString("pk", record.PartitionKey);
        writer.WriteNumber("sz", record.SizeBytes);
        writer.WriteBoolean("svc", record.IsServiceWrite);
        if (record.TraceContext is { } trace)
        {
            writer.WriteString("tp", trace.TraceParent);
            writer.WriteString("ts", trace.TraceState);
            writer.WriteString("ax", trace.AmznTraceId);
        }

        writer.WritePropertyName("j");
        writer.WriteRawValue(record.Json.Span, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public static void WriteEnd(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("t", EntryTypes.End);
        writer.WriteEndObject();
    }
}
