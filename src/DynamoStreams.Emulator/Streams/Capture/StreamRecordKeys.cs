using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Streams.Capture;

/// <summary>
/// The key attributes of a stream record, hash key first as DynamoDB writes <c>Keys</c>, kept as values so that
/// capture renders them straight into the record instead of building a map and a buffer per write.
/// </summary>
internal readonly record struct StreamRecordKeys(string HashName, AttributeValue Hash, string? RangeName = null, AttributeValue? Range = null)
{
    /// <summary>Gets the DynamoDB size of the key attributes.</summary>
    public long Size => Encoding.UTF8.GetByteCount(HashName) + ItemSize.Of(Hash)
        + (RangeName is null ? 0 : Encoding.UTF8.GetByteCount(RangeName) + ItemSize.Of(Range!));

    /// <summary>Writes the keys as a DynamoDB JSON map.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(HashName);
        AttributeValueWriter.WriteValue(writer, Hash);
        if (RangeName is not null)
        {
            writer.WritePropertyName(RangeName);
            AttributeValueWriter.WriteValue(writer, Range!);
        }

        writer.WriteEndObject();
    }
}
