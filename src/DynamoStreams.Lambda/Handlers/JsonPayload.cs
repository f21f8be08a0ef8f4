using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DynamoStreams.Lambda;

/// <summary>Reads event payloads with source-generated metadata and reports failures as Lambda's .NET serializer does.</summary>
internal static class JsonPayload
{
    public static TEvent Read<TEvent>(ReadOnlyMemory<byte> payload, JsonTypeInfo<TEvent> eventType)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Span, eventType)!;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new JsonSerializerException($"Error converting the Lambda event JSON payload to type {typeof(TEvent).FullName}: {ex.Message}", ex);
        }
    }
}
