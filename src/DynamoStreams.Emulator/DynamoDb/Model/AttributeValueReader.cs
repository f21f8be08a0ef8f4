using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Reads DynamoDB JSON attribute values and items with DynamoDB's own checks: JSON shapes it cannot deserialize
/// throw <see cref="DynamoSerializationException"/> at once; semantic faults (empty or duplicate sets, bad numbers,
/// NULL false, zero or two type keys) produce its exact <c>ValidationException</c> message, reported after the whole
/// value has been read so that a serialization fault anywhere in it wins, as in DynamoDB.
/// </summary>
internal static class AttributeValueReader
{
    /// <summary>The message for a value with no type key.</summary>
    public const string EmptyValueMessage = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";

    /// <summary>The message for a value with more than one type key.</summary>
    public const string MultipleTypesMessage = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

    /// <summary>The message for <c>{"NULL": false}</c>.</summary>
    public const string NullFalseMessage = "One or more parameter values were invalid: Null attribute value types must have the value of true";

    private const string BigNumberClass = "class com.amazon.coral.value.json.numbers.TruncatingBigNumber";

    /// <summary>Reads one attribute value starting at the reader's current token, throwing on any fault.</summary>
    /// <param name="reader">A reader positioned on the value's first token; left on its last token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DynamoSerializationException">The JSON shape is wrong.</exception>
    /// <exception cref="DynamoValidationException">The value breaks a DynamoDB rule.</exception>
    public static AttributeValue ReadValue(ref Utf8JsonReader reader)
    {
        var value = ReadValue(ref reader, out var error);
        return error is null ? value! : throw new DynamoValidationException(error);
    }

    /// <summary>Reads one attribute value, returning a validation fault instead of throwing it.</summary>
    /// <param name="reader">A reader positioned on the value's first token; left on its last token.</param>
    /// <param name="validationError">DynamoDB's message for the first validation fault, or null.</param>
    /// <returns>The value, or null when <paramref name="validationError"/> is set.</returns>
    /// <exception cref="DynamoSerializationException">The JSON shape is wrong.</exception>
    public static AttributeValue? ReadValue(ref Utf8JsonReader reader, out string? validationError)
    {
        validationError = null;
        return ReadStructure(ref reader, ref validationError);
    }

    /// <summary>Reads an item (a map of attribute names to values), throwing on any fault.</summary>
    /// <param name="reader">A reader positioned on the map's StartObject; left on its EndObject.</param>
    /// <returns>A new dictionary owned by the caller.</returns>
    /// <exception cref="DynamoSerializationException">The JSON shape is wrong.</exception>
    /// <exception cref="DynamoValidationException">A value breaks a DynamoDB rule.</exception>
    public static Dictionary<string, AttributeValue> ReadItem(ref Utf8JsonReader reader)
    {
        var item = ReadItem(ref reader, out var error);
        return error is null ? item! : throw new DynamoValidationException(error);
    }

    /// <summary>Reads an item, returning a validation fault instead of throwing it.</summary>
    /// <param name="reader">A reader positioned on the map's StartObject; left on its EndObject.</param>
    /// <param name="validationError">DynamoDB's message for the first validation fault, or null.</param>
    /// <returns>The item, or null when <paramref name="validationError"/> is set.</returns>
    /// <exception cref="DynamoSerializationException">The JSON shape is wrong.</exception>
    public static Dictionary<string, AttributeValue>? ReadItem(ref Utf8JsonReader reader, out string? validationError)
    {
        validationError = null;
        var map = ReadMap(ref reader, ref validationError);
        return validationError is null ? map : null;
    }

    /// <summary>Reads one attribute value from a parsed JSON element, throwing on any fault.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The value.</returns>
    public static AttributeValue ReadValue(JsonElement element)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        reader.Read();
        return ReadValue(ref reader);
    }

    /// <summary>Reads an item from a parsed JSON element, throwing on any fault.</summary>
    /// <param name="element">The element (a JSON object).</param>
    /// <returns>A new dictionary owned by the caller.</returns>
    public static Dictionary<string, AttributeValue> ReadItem(JsonElement element)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        reader.Read();
        return ReadItem(ref reader);
    }

    private static AttributeValue? ReadStructure(ref Utf8JsonReader reader, ref string? error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                break;
            case JsonTokenType.Null:
                error ??= EmptyValueMessage;
                return null;
            case JsonTokenType.StartArray:
                throw new DynamoSerializationException("Start of list found where not expected");
            default:
                throw new DynamoSerializationException("Expected null");
        }

        var errorBefore = error;
        AttributeValue? result = null;
        var typesSeen = 0;
        var typeCount = 0;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var type = TypeOf(ref reader);
            Next(ref reader);
            if (type is null)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if ((typesSeen & (1 << (int)type.Value)) == 0)
            {
                typesSeen |= 1 << (int)type.Value;
                typeCount++;
            }

            result = ReadTyped(type.Value, ref reader, ref error);
        }

        if (typeCount == 0)
        {
            error ??= EmptyValueMessage;
        }
        else if (typeCount > 1)
        {
            error ??= MultipleTypesMessage;
        }

        return error is null || errorBefore is not null ? result : null;
    }

    private static AttributeValue? ReadTyped(AttributeValueType type, ref Utf8JsonReader reader, ref string? error)
    {
        switch (type)
        {
            case AttributeValueType.S:
                return AttributeValue.FromOwnedString(ReadString(ref reader, "an String"));
            case AttributeValueType.N:
                return ReadNumber(ref reader, ref error) is { } number ? AttributeValue.FromNumber(number) : null;
            case AttributeValueType.B:
                return AttributeValue.FromOwnedBinary(ReadBinary(ref reader));
            case AttributeValueType.SS:
                return ReadStringSet(ref reader, ref error);
            case AttributeValueType.NS:
                return ReadNumberSet(ref reader, ref error);
            case AttributeValueType.BS:
                return ReadBinarySet(ref reader, ref error);
            case AttributeValueType.M:
                var map = ReadMap(ref reader, ref error);
                return map is null ? null : AttributeValue.FromOwnedMap(map);
            case AttributeValueType.L:
                return ReadList(ref reader, ref error);
            case AttributeValueType.NULL:
                if (!ReadBoolean(ref reader))
                {
                    error ??= NullFalseMessage;
                }

                return AttributeValue.Null;
            default:
                return AttributeValue.FromBool(ReadBoolean(ref reader));
        }
    }

    private static Dictionary<string, AttributeValue>? ReadMap(ref Utf8JsonReader reader, ref string? error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                break;
            case JsonTokenType.StartArray:
                throw new DynamoSerializationException("Start of list found where not expected");
            default:
                throw new DynamoSerializationException("Expected map or null");
        }

        var entries = MapEntryBuffer.Open(out var start);
        try
        {
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                var name = AttributeNames.Read(ref reader);
                Next(ref reader);
                var value = ReadStructure(ref reader, ref error);
                if (value is not null)
                {
                    entries.Add(new(name, value));
                }
            }

            return MapEntryBuffer.ToMap(entries, start);
        }
        finally
        {
            MapEntryBuffer.Close(entries, start);
        }
    }

    private static AttributeValue? ReadList(ref Utf8JsonReader reader, ref string? error)
    {
        ExpectList(ref reader);
        var builder = ImmutableArray.CreateBuilder<AttributeValue>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var value = ReadStructure(ref reader, ref error);
            if (value is not null)
            {
                builder.Add(value);
            }
        }

        return AttributeValue.FromOwnedList(builder.DrainToImmutable());
    }

    private static AttributeValue? ReadStringSet(ref Utf8JsonReader reader, ref string? error)
    {
        ExpectList(ref reader);
        var builder = ImmutableArray.CreateBuilder<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            builder.Add(ReadSetMember(ref reader, "an String"));
        }

        var members = builder.DrainToImmutable();
        var fault = SetRules.ValidateStringSet(members);
        error ??= fault;
        return fault is null ? AttributeValue.FromValidatedSet(AttributeValueType.SS, members) : null;
    }

    private static AttributeValue? ReadNumberSet(ref Utf8JsonReader reader, ref string? error)
    {
        ExpectList(ref reader);
        var builder = ImmutableArray.CreateBuilder<DynamoNumber>();
        string? fault = null;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var text = ReadSetMember(ref reader, "an String");
            var memberFault = DynamoNumber.TryParse(text, out var number);
            fault ??= memberFault;
            if (number is not null)
            {
                builder.Add(number);
            }
        }

        var members = builder.DrainToImmutable();
        fault ??= SetRules.ValidateNumberSet(members);
        error ??= fault;
        return fault is null ? AttributeValue.FromValidatedSet(AttributeValueType.NS, members) : null;
    }

    private static AttributeValue? ReadBinarySet(ref Utf8JsonReader reader, ref string? error)
    {
        ExpectList(ref reader);
        var builder = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>();
        List<string>? raw = null;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new DynamoSerializationException("Binary set members must not be null");
            }

            (raw ??= []).Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty);
            builder.Add(ReadBinary(ref reader));
        }

        var members = builder.DrainToImmutable();
        var fault = members.Length == 0 ? SetRules.EmptyBinarySet
            : SetRules.HasDuplicates(members, BinaryEqualityComparer.Instance) ? SetRules.DuplicateBinaries(raw!) : null;
        error ??= fault;
        return fault is null ? AttributeValue.FromValidatedSet(AttributeValueType.BS, members) : null;
    }

    private static string ReadSetMember(ref Utf8JsonReader reader, string target)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new DynamoSerializationException("Set members must not be null");
        }

        return ReadString(ref reader, target);
    }

    private static DynamoNumber? ReadNumber(ref Utf8JsonReader reader, ref string? error)
    {
        var text = ReadString(ref reader, "an String");
        var fault = DynamoNumber.TryParse(text, out var number);
        error ??= fault;
        return number;
    }

    private static string ReadString(ref Utf8JsonReader reader, string target) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => throw new DynamoSerializationException($"{BigNumberClass} can not be converted to {target}"),
        JsonTokenType.True or JsonTokenType.False => throw new DynamoSerializationException($"class java.lang.Boolean can not be converted to {target}"),
        JsonTokenType.StartArray => throw new DynamoSerializationException("Start of list found where not expected"),
        _ => throw new DynamoSerializationException("Start of structure or map found where not expected."),
    };

    private static byte[] ReadBinary(ref Utf8JsonReader reader) =>
        Base64Rules.Decode(ReadString(ref reader, "a Blob"));

    private static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => throw new DynamoSerializationException($"{BigNumberClass} can not be converted to an Boolean"),
        // The request's shape check has rejected numeric strings but "0" and "1"; the service's parser reads "true",
        // "yes" and "1" as true and any other string as false (observed: dynalite suite putItem.js {"NULL":"no"},
        // updateItem.js {"NULL":"yes"}, {"BOOL":"0"}).
        JsonTokenType.String => IsTrueText(ref reader),
        JsonTokenType.StartArray => throw new DynamoSerializationException("Start of list found where not expected"),
        _ => throw new DynamoSerializationException("Start of structure or map found where not expected."),
    };

    private static bool IsTrueText(ref Utf8JsonReader reader)
    {
        Span<char> text = stackalloc char[5];
        if (reader.ValueSpan.Length > text.Length || reader.ValueIsEscaped)
        {
            return false;
        }

        var length = reader.CopyString(text);
        var value = text[..length];
        return value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value is "1";
    }

    private static void ExpectList(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                return;
            case JsonTokenType.StartObject:
                throw new DynamoSerializationException("Start of structure or map found where not expected.");
            default:
                throw new DynamoSerializationException("Expected list or null");
        }
    }

    private static AttributeValueType? TypeOf(ref Utf8JsonReader reader)
    {
        var name = reader.HasValueSequence || reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        return name switch
        {
            [(byte)'S'] => AttributeValueType.S,
            [(byte)'N'] => AttributeValueType.N,
            [(byte)'B'] => AttributeValueType.B,
            [(byte)'M'] => AttributeValueType.M,
            [(byte)'L'] => AttributeValueType.L,
            [(byte)'S', (byte)'S'] => AttributeValueType.SS,
            [(byte)'N', (byte)'S'] => AttributeValueType.NS,
            [(byte)'B', (byte)'S'] => AttributeValueType.BS,
            [(byte)'N', (byte)'U', (byte)'L', (byte)'L'] => AttributeValueType.NULL,
            [(byte)'B', (byte)'O', (byte)'O', (byte)'L'] => AttributeValueType.BOOL,
            _ => null,
        };
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new DynamoSerializationException("Unexpected end of JSON input");
        }

        return reader.TokenType;
    }
}
