using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents.Converters;

/// <summary>
/// Converts a tumbling-window <c>state</c>: a JSON object whose values are strings, or numbers read as their text
/// (state written by a Node.js or Python handler is often <c>{"1": 282}</c>).
/// </summary>
public sealed class StateDictionaryConverter : JsonConverter<Dictionary<string, string>>
{
    /// <inheritdoc />
    public override Dictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The window state must be a JSON object of strings or numbers, not a JSON {reader.TokenType}.");
        }

        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            state[key] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number => NumberText(ref reader),
                _ => throw new JsonException($"The window state value of '{key}' must be a string or a number, not a JSON {reader.TokenType}."),
            };
        }

        return state;
    }

    private static string NumberText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray()) : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WriteString(key, item);
        }

        writer.WriteEndObject();
    }
}
