using System.Text.Json;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>
/// Reads members of a DynamoDB Streams request with the service's validation messages.
/// </summary>
internal readonly struct StreamsRequest(JsonElement body)
{
    public string Required(string member)
    {
        var value = Optional(member);
        return value ?? throw StreamsException.Validation(
            $"1 validation error detected: Value null at '{Camel(member)}' failed to satisfy constraint: Member must not be null");
    }

    public string? Optional(string member)
    {
        if (!body.TryGetProperty(member, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw new StreamsException("SerializationException", $"Expected a string for {member}.");
    }

    public int? Limit(int max)
    {
        if (!body.TryGetProperty("Limit", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var limit))
        {
            throw new StreamsException("SerializationException", "Expected an integer for Limit.");
        }

        if (limit < 1)
        {
            throw StreamsException.Validation(
                $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }

        return limit > max
            ? throw StreamsException.Validation(
                $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to {max}")
            : limit;
    }

    public JsonElement? Object(string member) =>
        body.TryGetProperty(member, out var element) && element.ValueKind == JsonValueKind.Object ? element : null;

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
