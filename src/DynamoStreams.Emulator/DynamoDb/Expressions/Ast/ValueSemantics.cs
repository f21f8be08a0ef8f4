using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Ast;

/// <summary>
/// Implements DynamoDB's type-aware comparisons and functions: values of different types never compare (the
/// condition is false, not an error); ordering exists only for S (UTF-8 bytes), N and B.
/// </summary>
internal static class ValueSemantics
{
    // size() runs per scanned item; sizes of everyday values come from this table instead of a new number each time.
    private static readonly AttributeValue[] s_smallSizes = Enumerable.Range(0, 1024)
        .Select(static i => AttributeValue.FromNumber(DynamoNumber.FromInt64(i)))
        .ToArray();

    public static int? CompareOrdered(AttributeValue? left, AttributeValue? right)
    {
        if (left is null || right is null || left.Type != right.Type)
        {
            return null;
        }

        return left.Type is AttributeValueType.S or AttributeValueType.N or AttributeValueType.B
            ? KeyValueComparer.Instance.Compare(left, right)
            : null;
    }

    public static bool BeginsWith(AttributeValue? value, AttributeValue? prefix)
    {
        if (value is null || prefix is null || value.Type != prefix.Type)
        {
            return false;
        }

        return value.Type switch
        {
            AttributeValueType.S => value.AsString().StartsWith(prefix.AsString(), StringComparison.Ordinal),
            AttributeValueType.B => value.AsBinary().Span.StartsWith(prefix.AsBinary().Span),
            _ => false,
        };
    }

    public static bool Contains(AttributeValue? container, AttributeValue? operand)
    {
        if (container is null || operand is null)
        {
            return false;
        }

        switch (container.Type)
        {
            case AttributeValueType.S:
                return operand.Type == AttributeValueType.S
                    && container.AsString().Contains(operand.AsString(), StringComparison.Ordinal);
            case AttributeValueType.B:
                return operand.Type == AttributeValueType.B
                    && container.AsBinary().Span.IndexOf(operand.AsBinary().Span) >= 0;
            case AttributeValueType.SS:
                return operand.Type == AttributeValueType.S && container.AsStringSet().Contains(operand.AsString());
            case AttributeValueType.NS:
                return operand.Type == AttributeValueType.N && container.AsNumberSet().Contains(operand.AsNumber());
            case AttributeValueType.BS:
                if (operand.Type != AttributeValueType.B)
                {
                    return false;
                }

                foreach (var member in container.AsBinarySet())
                {
                    if (member.Span.SequenceEqual(operand.AsBinary().Span))
                    {
                        return true;
                    }
                }

                return false;
            case AttributeValueType.L:
                foreach (var element in container.AsList())
                {
                    if (element.Equals(operand))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    public static AttributeValue? Size(AttributeValue? value)
    {
        long? size = value?.Type switch
        {
            // UTF-16 code units, as DynamoDB counts them (observed: dynalite suite scan.js "should calculate size function correctly").
            AttributeValueType.S => value.AsString().Length,
            AttributeValueType.B => value.AsBinary().Length,
            AttributeValueType.SS => value.AsStringSet().Length,
            AttributeValueType.NS => value.AsNumberSet().Length,
            AttributeValueType.BS => value.AsBinarySet().Length,
            AttributeValueType.L => value.AsList().Length,
            AttributeValueType.M => value.AsMap().Count,
            _ => null,
        };
        return size switch
        {
            null => null,
            < 1024 => s_smallSizes[size.Value],
            _ => AttributeValue.FromNumber(DynamoNumber.FromInt64(size.Value)),
        };
    }

    /// <summary>Returns the long type name DynamoDB uses in ADD/DELETE operand errors (STRING, NUMBER, ...).</summary>
    public static string LongTypeName(AttributeValueType type) => type switch
    {
        AttributeValueType.S => "STRING",
        AttributeValueType.N => "NUMBER",
        AttributeValueType.B => "BINARY",
        AttributeValueType.SS => "STRING_SET",
        AttributeValueType.NS => "NUMBER_SET",
        AttributeValueType.BS => "BINARY_SET",
        AttributeValueType.M => "MAP",
        AttributeValueType.L => "LIST",
        AttributeValueType.NULL => "NULL",
        _ => "BOOLEAN",
    };

    /// <summary>Formats a value as DynamoDB does inside BETWEEN messages: <c>{N:1}</c>, <c>{S:a}</c>.</summary>
    public static string Describe(AttributeValue value) => value.Type switch
    {
        AttributeValueType.S => "{S:" + value.AsString() + "}",
        AttributeValueType.N => "{N:" + value.AsNumber() + "}",
        AttributeValueType.B => "{B:" + Convert.ToBase64String(value.AsBinary().Span) + "}",
        _ => value.ToString(),
    };
}
