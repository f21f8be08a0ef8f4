using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// Checks a request body against its input shape before the operation reads it, in DynamoDB's two phases and
/// in one walk: a value of the wrong JSON type fails at once the way its deserializer does (a
/// <c>SerializationException</c> naming the JSON token and the Java type it could not become); the members'
/// declared constraints (required, length, pattern, enum, range, map keys and values) are collected on the way and
/// thrown together afterwards as one <c>ValidationException</c>, so that a type fault anywhere wins.
/// Unknown members and JSON nulls are ignored, as the service ignores them; subtrees without constraints are
/// walked for types only.
/// </summary>
internal static class ShapeValidator
{
    private const string ParameterizedCast =
        "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class " +
        "(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')";

    private const string StructureNotExpected = "Start of structure or map found where not expected";

    [ThreadStatic]
    private static ConstraintCollector? t_collector;

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
    public static void Validate(JsonElement body, Shape input)
    {
        if (!input.HasConstraints)
        {
            CheckMembers(body, input, null);
            return;
        }

        var collector = t_collector ??= new ConstraintCollector();
        collector.Reset();
        CheckMembers(body, input, collector);
        if (collector.HasErrors)
        {
            collector.ThrowIfAny();
        }
    }

    private static void CheckMembers(JsonElement obj, Shape structure, ConstraintCollector? collector)
    {
        var seen = 0UL;
        foreach (var property in obj.EnumerateObject())
        {
            if (TryGetMember(structure, property, out var name, out var entry))
            {
                var member = entry.Shape;
                if (entry.RequiredBit >= 0 && property.Value.ValueKind != JsonValueKind.Null)
                {
                    seen |= 1UL << entry.RequiredBit;
                }

                if (collector is null || !member.HasConstraints)
                {
                    Check(property.Value, member, Position.Member, null, name);
                    continue;
                }

                collector.PushMember(name);
                Check(property.Value, member, Position.Member, collector, name);
                collector.Pop();
            }
        }

        if (collector is not null && seen != structure.RequiredMask)
        {
            ReportMissing(structure, seen, collector);
        }
    }

    private static void ReportMissing(Shape structure, ulong seen, ConstraintCollector collector)
    {
        for (var bit = 0; bit < structure.Required.Count; bit++)
        {
            if ((seen & (1UL << bit)) != 0)
            {
                continue;
            }

            var name = structure.Required[bit];
            if (structure.Members[name].Shape.Constraints is { ReportedAsParameter: true })
            {
                collector.First("The parameter '" + name + "' is required but was not present in the request");
            }
            else
            {
                collector.NotNull(name);
            }
        }
    }

    /// <summary>Finds a structure's member by the property's name without allocating the name as a string.</summary>
    private static bool TryGetMember(Shape structure, JsonProperty property, out string name, out ShapeMember member)
    {
        const int MaxMemberName = 64;
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= MaxMemberName && !raw.Contains((byte)'\\'))
        {
            Span<char> chars = stackalloc char[MaxMemberName];
            if (Encoding.UTF8.TryGetChars(raw, chars, out var length))
            {
                return structure.MemberLookup.TryGetValue(chars[..length], out name!, out member!);
            }
        }

        name = property.Name;
        return structure.Members.TryGetValue(name, out member!);
    }

    private static void Check(JsonElement value, Shape shape, Position position, ConstraintCollector? collector, string? member)
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

                CheckOwn(value, shape, position, collector, member);
                break;
            case ShapeKind.Boolean:
                // The service's parser reads a non-numeric string (and "0", "1") as a boolean; see IsNumeric.
                if (kind is not (JsonValueKind.True or JsonValueKind.False) && !(kind == JsonValueKind.String && !IsNumeric(value)))
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

                CheckOwn(value, shape, position, collector, member);
                break;
            case ShapeKind.Blob:
                if (kind != JsonValueKind.String)
                {
                    throw Scalar(value, shape, "only base-64-encoded strings are convertible to bytes");
                }

                Base64Rules.Validate(value.GetString()!);
                break;
            case ShapeKind.List:
                CheckList(value, shape, position, collector);
                CheckOwn(value, shape, position, collector, member);
                break;
            case ShapeKind.Map:
                CheckMap(value, shape, position, collector);
                CheckOwn(value, shape, position, collector, member);
                break;
            default:
                CheckStructure(value, shape, position, collector);
                break;
        }
    }

    private static void CheckList(JsonElement value, Shape shape, Position position, ConstraintCollector? collector)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var element = shape.Element!;
                if (collector is null || !element.HasConstraints)
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(item, element, Position.ListElement, null, null);
                    }

                    return;
                }

                var index = 0;
                var broken = false;
                foreach (var item in value.EnumerateArray())
                {
                    collector.PushIndex(index++);
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        collector.NullValue();
                    }

                    Check(item, element, Position.ListElement, collector, null);
                    collector.Pop();
                    broken |= element.Constraints is { } own && ConstraintChecks.Breaks(item, own, null, null);
                }

                if (broken)
                {
                    collector.Violation(ConstraintValues.Render(value), "Member must satisfy constraint: [" + string.Join(", ", element.Constraints!.Describe()) + "]");
                }

                return;
            case JsonValueKind.Object:
                throw DynamoDbErrors.Serialization(StructureNotExpected);
            default:
                throw DynamoDbErrors.Serialization(position == Position.Member ? "Unexpected field type" : ParameterizedCast);
        }
    }

    private static void CheckMap(JsonElement value, Shape shape, Position position, ConstraintCollector? collector)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var element = shape.Element!;
                var keys = shape.Constraints?.MapKey?.Constraints;
                if (collector is null || (keys is null && !element.HasConstraints))
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        Check(property.Value, element, Position.MapValue, null, null);
                    }

                    return;
                }

                CheckMapEntries(value, shape, collector);
                return;
            case JsonValueKind.Array:
                throw DynamoDbErrors.Serialization("Unrecognized collection type " + shape.JavaName);
            default:
                throw DynamoDbErrors.Serialization(position == Position.Member ? "Unexpected field type" : ParameterizedCast);
        }
    }

    private static void CheckMapEntries(JsonElement value, Shape shape, ConstraintCollector collector)
    {
        var element = shape.Element!;
        var keys = shape.Constraints?.MapKey?.Constraints;
        bool brokenKey = false, brokenValue = false;
        foreach (var property in value.EnumerateObject())
        {
            brokenKey |= keys is not null && ConstraintChecks.BreaksKey(property, keys);
            collector.PushKey(property);
            if (element.HasConstraints && property.Value.ValueKind == JsonValueKind.Null)
            {
                collector.NullValue();
            }

            Check(property.Value, element, Position.MapValue, element.HasConstraints ? collector : null, null);
            collector.Pop();
            brokenValue |= element.Constraints is { } own && property.Value.ValueKind != JsonValueKind.Null &&
                ConstraintChecks.Breaks(property.Value, own, null, null);
        }

        if (brokenKey)
        {
            collector.Violation(ConstraintValues.RenderMap(value), "Map keys must satisfy constraint: [" + string.Join(", ", keys!.Describe()) + "]");
        }

        if (brokenValue)
        {
            collector.Violation(ConstraintValues.RenderMap(value), "Map value must satisfy constraint: [" + string.Join(", ", element.Constraints!.Describe()) + "]");
        }
    }

    /// <summary>Checks a value's own constraints where DynamoDB reports them at the value's path (a member).</summary>
    private static void CheckOwn(JsonElement value, Shape shape, Position position, ConstraintCollector? collector, string? member)
    {
        if (collector is not null && position == Position.Member && shape.Constraints is { } constraints)
        {
            ConstraintChecks.Breaks(value, constraints, collector, member);
        }
    }

    private static void CheckStructure(JsonElement value, Shape shape, Position position, ConstraintCollector? collector)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckMembers(value, shape, collector);
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

    /// <summary>Whether a string the parser refuses as a boolean: a number other than 0 and 1.</summary>
    private static bool IsNumeric(JsonElement text) =>
        !text.ValueEquals("0") && !text.ValueEquals("1") &&
        double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsDecimal(JsonElement number)
    {
        var raw = number.GetRawText();
        return raw.Contains('.', StringComparison.Ordinal) || raw.Contains('e', StringComparison.OrdinalIgnoreCase);
    }
}
