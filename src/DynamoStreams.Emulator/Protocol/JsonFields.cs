using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Reads typed members of a request object; a member of the wrong JSON type fails with the
/// <c>SerializationException</c> texts the AWS JSON services send. JSON null counts as absent.
/// </summary>
internal static class JsonFields
{
    /// <summary>Returns the member when present and not null.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The member.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a string member.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member name.</param>
    /// <returns>The string, or <see langword="null"/> when absent.</returns>
    public static string? GetString(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => throw DynamoDbErrors.Serialization("NUMBER_VALUE cannot be converted to String"),
            JsonValueKind.True => throw DynamoDbErrors.Serialization("TRUE_VALUE cannot be converted to String"),
            JsonValueKind.False => throw DynamoDbErrors.Serialization("FALSE_VALUE cannot be converted to String"),
            _ => throw Structure(value),
        };
    }

    /// <summary>Reads an integer member.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member name.</param>
    /// <returns>The number, or <see langword="null"/> when absent.</returns>
    public static long? GetInt64(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.Number when value.TryGetDouble(out var real) => (long)Math.Clamp(Math.Truncate(real), long.MinValue, long.MaxValue),
            JsonValueKind.String => throw DynamoDbErrors.Serialization("STRING_VALUE can not be converted to a Long"),
            JsonValueKind.True => throw DynamoDbErrors.Serialization("TRUE_VALUE can not be converted to a Long"),
            JsonValueKind.False => throw DynamoDbErrors.Serialization("FALSE_VALUE can not be converted to a Long"),
            _ => throw Structure(value),
        };
    }

    /// <summary>Reads a boolean member.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member name.</param>
    /// <returns>The boolean, or <see langword="null"/> when absent.</returns>
    public static bool? GetBoolean(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => throw DynamoDbErrors.Serialization("STRING_VALUE can not be converted to a Boolean"),
            JsonValueKind.Number => throw DynamoDbErrors.Serialization("NUMBER_VALUE can not be converted to a Boolean"),
            _ => throw Structure(value),
        };
    }

    /// <summary>Reads an object member.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The object.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public static bool TryGetObject(JsonElement obj, string name, out JsonElement value)
    {
        if (!TryGet(obj, name, out value))
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Object
            ? true
            : throw (value.ValueKind == JsonValueKind.Array
                ? DynamoDbErrors.Serialization("Start of list found where not expected")
                : DynamoDbErrors.Serialization("Unexpected value type in payload"));
    }

    /// <summary>Reads an array member.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The array.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public static bool TryGetArray(JsonElement obj, string name, out JsonElement value)
    {
        if (!TryGet(obj, name, out value))
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Array
            ? true
            : throw (value.ValueKind == JsonValueKind.Object
                ? DynamoDbErrors.Serialization("Start of structure or map found where not expected.")
                : DynamoDbErrors.Serialization("Unexpected field type"));
    }

    /// <summary>Reads an array of strings.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The member name.</param>
    /// <returns>The strings, or <see langword="null"/> when absent.</returns>
    public static List<string>? GetStringList(JsonElement obj, string name)
    {
        if (!TryGetArray(obj, name, out var array))
        {
            return null;
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            list.Add(element.ValueKind == JsonValueKind.String
                ? element.GetString()!
                : throw DynamoDbErrors.Serialization(element.ValueKind == JsonValueKind.Number
                    ? "NUMBER_VALUE cannot be converted to String"
                    : "Unexpected field type"));
        }

        return list;
    }

    private static AwsServiceException Structure(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? DynamoDbErrors.Serialization("Start of list found where not expected")
        : DynamoDbErrors.Serialization("Start of structure or map found where not expected.");
}
