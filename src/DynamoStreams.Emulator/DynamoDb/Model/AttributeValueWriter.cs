using System.Text.Json;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Writes attribute values and items in DynamoDB JSON exactly as DynamoDB does: one type key per value,
/// N as its canonical string, B and BS as base64, NULL as <c>true</c>.
/// </summary>
internal static class AttributeValueWriter
{
    /// <summary>Writes one attribute value as a JSON object.</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        switch (value.Type)
        {
            case AttributeValueType.S:
                writer.WriteString("S"u8, value.AsString());
                break;
            case AttributeValueType.N:
                writer.WriteString("N"u8, value.AsNumber().ToString());
                break;
            case AttributeValueType.B:
                writer.WriteBase64String("B"u8, value.RawBinary);
                break;
            case AttributeValueType.SS:
                writer.WriteStartArray("SS"u8);
                foreach (var member in value.AsStringSet())
                {
                    writer.WriteStringValue(member);
                }

                writer.WriteEndArray();
                break;
            case AttributeValueType.NS:
                writer.WriteStartArray("NS"u8);
                foreach (var member in value.AsNumberSet())
                {
                    writer.WriteStringValue(member.ToString());
                }

                writer.WriteEndArray();
                break;
            case AttributeValueType.BS:
                writer.WriteStartArray("BS"u8);
                foreach (var member in value.AsBinarySet())
                {
                    writer.WriteBase64StringValue(member.Span);
                }

                writer.WriteEndArray();
                break;
            case AttributeValueType.M:
                writer.WritePropertyName("M"u8);
                WriteItem(writer, value.AsMap());
                break;
            case AttributeValueType.L:
                writer.WriteStartArray("L"u8);
                foreach (var element in value.AsList())
                {
                    WriteValue(writer, element);
                }

                writer.WriteEndArray();
                break;
            case AttributeValueType.NULL:
                writer.WriteBoolean("NULL"u8, true);
                break;
            default:
                writer.WriteBoolean("BOOL"u8, value.AsBool());
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an item (or an M value's entries) as a JSON object of name to attribute value.</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="item">The item.</param>
    public static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteStartObject();
        if (item is Dictionary<string, AttributeValue> dictionary)
        {
            // Items are dictionaries: enumerating the concrete type does not box the enumerator.
            foreach (var (name, value) in dictionary)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }
        }
        else
        {
            foreach (var (name, value) in item)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
    }
}
