using System.Text.Json;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Reads typed members of an SQS JSON request, raising SQS's errors for missing or mistyped members.
/// </summary>
internal readonly struct SqsJsonRequest(JsonElement root)
{
    public JsonElement Root => root;

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value ? value : throw SqsErrors.MissingParameter(name);

    public string? OptionalString(string name) => OptionalString(root, name);

    public int? OptionalInt(string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw SqsErrors.InvalidParameterValue($"Value {element.GetRawText()} for parameter {name} is invalid. Reason: must be an integer.");
    }

    public IReadOnlyList<string> StringList(string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw SqsErrors.MalformedRequest($"{name} must be a list of strings.");
        }

        return [.. element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw SqsErrors.MalformedRequest($"{name} must be a list of strings."))];
    }

    public Dictionary<string, string> StringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw SqsErrors.MalformedRequest($"{name} must be a map of strings.");
        }

        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw SqsErrors.MalformedRequest($"{name}.{property.Name} must be a string.");
        }

        return map;
    }

    public Dictionary<string, SqsMessageAttribute>? MessageAttributes(string name) => MessageAttributes(root, name);

    public IEnumerable<SqsJsonRequest> Entries(string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw SqsErrors.MalformedRequest($"{name} must be a list.");
        }

        return element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
            ? new SqsJsonRequest(e)
            : throw SqsErrors.MalformedRequest($"{name} must be a list of objects.")).ToList();
    }

    private static string? OptionalString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? LenientJsonString.Read(value) : throw SqsErrors.MalformedRequest($"{name} must be a string.");
    }

    private static Dictionary<string, SqsMessageAttribute>? MessageAttributes(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw SqsErrors.MalformedRequest($"{name} must be a map.");
        }

        var attributes = new Dictionary<string, SqsMessageAttribute>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var dataType = OptionalString(value, "DataType") ?? throw SqsErrors.InvalidParameterValue(
                $"The message attribute '{property.Name}' must contain non-empty message attribute type.");
            byte[]? binary = null;
            if (value.TryGetProperty("BinaryValue", out var binaryElement) && binaryElement.ValueKind == JsonValueKind.String)
            {
                binary = binaryElement.TryGetBytesFromBase64(out var bytes)
                    ? bytes
                    : throw SqsErrors.InvalidParameterValue($"The message attribute '{property.Name}' has an invalid binary value.");
            }

            if (value.TryGetProperty("StringListValues", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                || value.TryGetProperty("BinaryListValues", out var binaryList) && binaryList.ValueKind == JsonValueKind.Array && binaryList.GetArrayLength() > 0)
            {
                throw SqsErrors.InvalidParameterValue($"Message attribute list values in '{property.Name}' are not supported.");
            }

            attributes[property.Name] = new SqsMessageAttribute(dataType, OptionalString(value, "StringValue"), binary);
        }

        return attributes;
    }
}
