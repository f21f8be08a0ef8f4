using System.Buffers;
using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Model;

internal static class JsonHelper
{
    public static AttributeValue ReadValue(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return AttributeValueReader.ReadValue(ref reader);
    }

    public static Dictionary<string, AttributeValue> ReadItem(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return AttributeValueReader.ReadItem(ref reader);
    }

    public static string Write(AttributeValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueWriter.WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Write(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueWriter.WriteItem(writer, item);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
