using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;

/// <summary>One legacy condition (an entry of Expected, QueryFilter, ScanFilter or KeyConditions), validated.</summary>
internal sealed record LegacyCondition(string AttributeName, string Operator, AttributeValue[] Values)
{
    private static readonly Dictionary<string, (int Min, int Max, string[]? Types)> s_rules = new(StringComparer.Ordinal)
    {
        ["NULL"] = (0, 0, null),
        ["NOT_NULL"] = (0, 0, null),
        ["EQ"] = (1, 1, ["S", "N", "B", "SS", "NS", "BS"]),
        ["NE"] = (1, 1, ["S", "N", "B", "SS", "NS", "BS"]),
        ["LE"] = (1, 1, ["S", "N", "B"]),
        ["LT"] = (1, 1, ["S", "N", "B"]),
        ["GE"] = (1, 1, ["S", "N", "B"]),
        ["GT"] = (1, 1, ["S", "N", "B"]),
        ["CONTAINS"] = (1, 1, ["S", "N", "B"]),
        ["NOT_CONTAINS"] = (1, 1, ["S", "N", "B"]),
        ["BEGINS_WITH"] = (1, 1, ["S", "B"]),
        ["IN"] = (1, int.MaxValue, ["S", "N", "B"]),
        ["BETWEEN"] = (2, 2, ["S", "N", "B"]),
    };

    /// <summary>Reads a QueryFilter / ScanFilter / KeyConditions entry: <c>{ComparisonOperator, AttributeValueList}</c>.</summary>
    public static LegacyCondition ReadFilter(string attribute, JsonElement entry)
    {
        var op = entry.TryGetProperty("ComparisonOperator", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "EQ";
        var values = ReadList(entry);
        return Validated(attribute, op, values);
    }

    /// <summary>Reads an Expected entry: <c>{Value, Exists}</c> or <c>{ComparisonOperator, AttributeValueList | Value}</c>.</summary>
    public static LegacyCondition ReadExpected(string attribute, JsonElement entry)
    {
        var hasValue = Has(entry, "Value");
        var hasList = Has(entry, "AttributeValueList");
        if (hasValue && hasList)
        {
            throw Invalid($"Value and AttributeValueList cannot be used together for Attribute: {attribute}");
        }

        if (Has(entry, "ComparisonOperator"))
        {
            var op = entry.GetProperty("ComparisonOperator").GetString()!;
            if (Has(entry, "Exists"))
            {
                throw Invalid($"Exists and ComparisonOperator cannot be used together for Attribute: {attribute}");
            }

            if (op is not ("NULL" or "NOT_NULL") && !hasValue && !hasList)
            {
                throw Invalid($"Value or AttributeValueList must be used with ComparisonOperator: {op} for Attribute: {attribute}");
            }

            var values = hasValue ? [AttributeValueReader.ReadValue(entry.GetProperty("Value"))] : ReadList(entry);
            return Validated(attribute, op, values);
        }

        if (hasList)
        {
            throw Invalid($"AttributeValueList can only be used with a ComparisonOperator for Attribute: {attribute}");
        }

        var existsKnown = Has(entry, "Exists");
        var exists = !existsKnown || entry.GetProperty("Exists").GetBoolean();
        if (exists && !hasValue)
        {
            throw Invalid($"Value must be provided when Exists is {(existsKnown ? "true" : "null")} for Attribute: {attribute}");
        }

        if (!exists && hasValue)
        {
            throw Invalid($"Value cannot be used when Exists is false for Attribute: {attribute}");
        }

        return exists
            ? new LegacyCondition(attribute, "EQ", [AttributeValueReader.ReadValue(entry.GetProperty("Value"))])
            : new LegacyCondition(attribute, "NULL", []);
    }

    public ConditionNode ToNode()
    {
        var subject = new PathOperand(DocumentPath.ForAttribute(AttributeName));
        var path = subject.Path;
        Operand First() => new ValueOperand(Values[0]);
        return Operator switch
        {
            "EQ" => new CompareNode(ComparisonOperator.Equal, subject, First()),
            "NE" => new CompareNode(ComparisonOperator.NotEqual, subject, First()),
            "LE" => new CompareNode(ComparisonOperator.LessOrEqual, subject, First()),
            "LT" => new CompareNode(ComparisonOperator.Less, subject, First()),
            "GE" => new CompareNode(ComparisonOperator.GreaterOrEqual, subject, First()),
            "GT" => new CompareNode(ComparisonOperator.Greater, subject, First()),
            "NULL" => new ExistsNode(path, false),
            "NOT_NULL" => new ExistsNode(path, true),
            "CONTAINS" => new ContainsNode(subject, First()),
            "NOT_CONTAINS" => new NotNode(new ContainsNode(subject, First())),
            "BEGINS_WITH" => new BeginsWithNode(subject, First()),
            "IN" => new InNode(subject, Array.ConvertAll(Values, static v => (Operand)new ValueOperand(v))),
            _ => new BetweenNode(subject, First(), new ValueOperand(Values[1])),
        };
    }

    private static LegacyCondition Validated(string attribute, string op, AttributeValue[] values)
    {
        if (!s_rules.TryGetValue(op, out var rule))
        {
            throw new DynamoValidationException($"1 validation error detected: Value '{op}' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        }

        if (values.Length < rule.Min || values.Length > rule.Max)
        {
            throw new DynamoValidationException(LegacyMessages.ArgumentCount(op));
        }

        if (values.Length > 0 && Array.Exists(values, v => v.Type != values[0].Type))
        {
            throw new DynamoValidationException(LegacyMessages.SameType);
        }

        foreach (var value in values)
        {
            var key = AttributeValue.TypeKey(value.Type);
            if (rule.Types is not null && Array.IndexOf(rule.Types, key) < 0)
            {
                throw new DynamoValidationException(LegacyMessages.InvalidType(op, key));
            }
        }

        if (op == "BETWEEN" && ValueSemantics.CompareOrdered(values[0], values[1]) > 0)
        {
            throw new DynamoValidationException(LegacyMessages.BetweenOrder);
        }

        return new LegacyCondition(attribute, op, values);
    }

    private static AttributeValue[] ReadList(JsonElement entry)
    {
        if (!entry.TryGetProperty("AttributeValueList", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var values = new AttributeValue[list.GetArrayLength()];
        var i = 0;
        foreach (var element in list.EnumerateArray())
        {
            values[i++] = AttributeValueReader.ReadValue(element);
        }

        return values;
    }

    private static bool Has(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static DynamoValidationException Invalid(string reason) => new(LegacyMessages.Prefix + reason);
}
