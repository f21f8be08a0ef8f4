using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// Checks a request body against its input shape before the operation reads it, failing the way DynamoDB's
/// deserializer does: a <c>SerializationException</c> whose text names the JSON token and the Java type it
/// could not become. Unknown members and JSON nulls are ignored, as the service ignores them.
/// </summary>
internal static class ShapeValidator
{
    private const string ParameterizedCast =
        "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class " +
        "(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')";

    private const string StructureNotExpected = "Start of structure or map found where not expected";

    private enum Position
    {
        Member,
        MapValue,
        ListElement,
    }

    /// <summary>Validates a request object against an operation's input structure.</summary>
    /// <param name="body">The request object.</param>
    /// <param name="input">The input structure.</param>
    /// <exception cref="AwsServiceException">A member has the wrong JSON type.</exception>
    public static void Validate(JsonElement body, Shape input) => CheckMembers(body, input);

    private static void CheckMembers(JsonElement obj, Shape structure)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (TryGetMember(structure, property, out var member))
            {
                Check(property.Value, member, Position.Member);
            }
        }
    }

    /// <summary>Finds a structure's member by the property's name without allocating the name as a string.</summary>
    private static bool TryGetMember(Shape structure, JsonProperty property, out Shape member)
    {
        const int MaxMemberName = 64;
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= MaxMemberName && !raw.Contains((byte)'\\'))
        {
            Span<char> name = stackalloc char[MaxMemberName];
            if (Encoding.UTF8.TryGetChars(raw, name, out var length))
            {
                return structure.MemberLookup.TryGetValue(name[..length], out member!);
            }
        }

        return structure.Members.TryGetValue(property.Name, out member!);
    }

    private static void Check(JsonElement value, Shape shape, Position position)
    {
        var kind = value.ValueKind;
        if (kind == JsonValueKind.Null)
        {
            return;
        }

        switch (shape.Kind)
        {
            case ShapeKind.String:
                if (kind != JsonValueKind.String)
                {
                    throw Scalar(value, shape, Token(value) + " cannot be converted to String");
                }

                break;
            case ShapeKind.Boolean:
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Scalar(value, shape, kind == JsonValueKind.String
                        ? "Unexpected token received from parser"
                        : Token(value) + " cannot be converted to Boolean");
                }

                break;
            case ShapeKind.Integer or ShapeKind.Long:
                if (kind != JsonValueKind.Number)
                {
                    throw Scalar(value, shape, Token(value) + " cannot be converted to " + shape.SimpleName);
                }

                break;
            case ShapeKind.Blob:
                if (kind != JsonValueKind.String)
                {
                    throw Scalar(value, shape, "only base-64-encoded strings are convertible to bytes");
                }

                Base64Rules.Validate(value.GetString()!);
                break;
            case ShapeKind.List:
                CheckList(value, shape, position);
                break;
            case ShapeKind.Map:
                CheckMap(value, shape, position);
                break;
            default:
                CheckStructure(value, shape, position);
                break;
        }
    }

    private static void CheckList(JsonElement value, Shape shape, Position position)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var element in value.EnumerateArray())
                {
                    Check(element, shape.Element!, Position.ListElement);
                }

                return;
            case JsonValueKind.Object:
                throw DynamoDbErrors.Serialization(StructureNotExpected);
            default:
                throw DynamoDbErrors.Serialization(position == Position.Member ? "Unexpected field type" : ParameterizedCast);
        }
    }

    private static void CheckMap(JsonElement value, Shape shape, Position position)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Check(property.Value, shape.Element!, Position.MapValue);
                }

                return;
            case JsonValueKind.Array:
                throw DynamoDbErrors.Serialization("Unrecognized collection type " + shape.JavaName);
            default:
                throw DynamoDbErrors.Serialization(position == Position.Member ? "Unexpected field type" : ParameterizedCast);
        }
    }

    private static void CheckStructure(JsonElement value, Shape shape, Position position)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckMembers(value, shape);
                return;
            case JsonValueKind.Array:
                throw DynamoDbErrors.Serialization("Unrecognized collection type class " + shape.JavaName);
            default:
                throw DynamoDbErrors.Serialization(position == Position.Member ? "Unexpected field type" : "Unexpected value type in payload");
        }
    }

    /// <summary>The error for a scalar shape given a value of another JSON type.</summary>
    private static AwsServiceException Scalar(JsonElement value, Shape shape, string mismatch) => value.ValueKind switch
    {
        JsonValueKind.Array => DynamoDbErrors.Serialization("Unrecognized collection type class " + shape.JavaName),
        JsonValueKind.Object => DynamoDbErrors.Serialization(StructureNotExpected),
        _ => DynamoDbErrors.Serialization(mismatch),
    };

    /// <summary>The parser's name for a JSON scalar token.</summary>
    private static string Token(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "STRING_VALUE",
        JsonValueKind.True => "TRUE_VALUE",
        JsonValueKind.False => "FALSE_VALUE",
        _ => IsDecimal(value) ? "DECIMAL_VALUE" : "NUMBER_VALUE",
    };

    private static bool IsDecimal(JsonElement number)
    {
        var raw = number.GetRawText();
        return raw.Contains('.', StringComparison.Ordinal) || raw.Contains('e', StringComparison.OrdinalIgnoreCase);
    }
}
