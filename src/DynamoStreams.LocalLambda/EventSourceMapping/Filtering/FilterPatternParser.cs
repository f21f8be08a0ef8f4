using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

/// <summary>Turns pattern JSON into <see cref="PatternNode"/>s, rejecting what EventBridge rejects.</summary>
internal static class FilterPatternParser
{
    private static readonly HashSet<string> s_numericOperators = ["=", "<", "<=", ">", ">="];

    public static PatternNode ParseObject(JsonElement element, string path)
    {
        var node = new PatternNode();

        // Duplicate keys: the last one wins (EventBridge), so later entries overwrite earlier ones.
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = $"{path}.{property.Name}";
            node.Objects.Remove(property.Name);
            node.Leaves.Remove(property.Name);
            if (property.Name == "$or")
            {
                node.OrAlternatives.Clear();
                node.OrAlternatives.AddRange(ParseOr(property.Value, fieldPath));
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    node.Objects[property.Name] = ParseObject(property.Value, fieldPath);
                    break;
                case JsonValueKind.Array:
                    node.Leaves[property.Name] = ParseValues(property.Value, fieldPath);
                    break;
                default:
                    throw new FilterPatternException(
                        $"The value of {fieldPath} must be an array of values or an object, for example [\"INSERT\"]; found {Describe(property.Value)}.");
            }
        }

        return node;
    }

    private static List<PatternNode> ParseOr(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2
            || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            throw new FilterPatternException(
                $"{path} must be an array of at least two pattern objects, for example \"$or\":[{{\"a\":[1]}},{{\"b\":[2]}}].");
        }

        return value.EnumerateArray().Select(e => ParseObject(e, path)).ToList();
    }

    private static List<ValueMatcher> ParseValues(JsonElement array, string path)
    {
        if (array.GetArrayLength() == 0)
        {
            throw new FilterPatternException($"The value array of {path} is empty; list at least one value or operator.");
        }

        var matchers = new List<ValueMatcher>();
        foreach (var element in array.EnumerateArray())
        {
            matchers.Add(element.ValueKind switch
            {
                JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null
                    => new ExactMatcher(element),
                JsonValueKind.Object => ParseOperator(element, path),
                _ => throw new FilterPatternException($"{path} contains a nested array; values must be strings, numbers, booleans, null or operator objects."),
            });
        }

        return matchers;
    }

    private static ValueMatcher ParseOperator(JsonElement element, string path)
    {
        var properties = element.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw new FilterPatternException(
                $"An operator object in {path} must have exactly one key (prefix, suffix, anything-but, numeric, exists, equals-ignore-case).");
        }

        var (name, operand) = (properties[0].Name, properties[0].Value);
        return name switch
        {
            "prefix" => ParseStringOperator(StringMatchKind.Prefix, operand, path, name),
            "suffix" => ParseStringOperator(StringMatchKind.Suffix, operand, path, name),
            "equals-ignore-case" => operand.ValueKind == JsonValueKind.String
                ? new StringMatcher(StringMatchKind.Equals, operand.GetString()!, ignoreCase: true)
                : throw new FilterPatternException($"equals-ignore-case in {path} takes a string."),
            "exists" => operand.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new ExistsMatcher(operand.GetBoolean())
                : throw new FilterPatternException($"exists in {path} takes true or false."),
            "numeric" => ParseNumeric(operand, path),
            "anything-but" => ParseAnythingBut(operand, path),
            _ => throw new FilterPatternException(
                $"Unsupported operator '{name}' in {path}; use prefix, suffix, anything-but, numeric, exists or equals-ignore-case."),
        };
    }

    private static StringMatcher ParseStringOperator(StringMatchKind kind, JsonElement operand, string path, string name)
    {
        if (operand.ValueKind == JsonValueKind.String)
        {
            return new StringMatcher(kind, operand.GetString()!, ignoreCase: false);
        }

        if (operand.ValueKind == JsonValueKind.Object
            && operand.EnumerateObject().ToList() is [{ Name: "equals-ignore-case", Value.ValueKind: JsonValueKind.String } inner])
        {
            return new StringMatcher(kind, inner.Value.GetString()!, ignoreCase: true);
        }

        throw new FilterPatternException($"{name} in {path} takes a string, or {{\"equals-ignore-case\":\"...\"}}.");
    }

    private static NumericMatcher ParseNumeric(JsonElement operand, string path)
    {
        var items = operand.ValueKind == JsonValueKind.Array ? operand.EnumerateArray().ToList() : [];
        if (items.Count is not (2 or 4))
        {
            throw new FilterPatternException(
                $"numeric in {path} takes one or two comparisons, for example [\"=\", 100] or [\">\", 10, \"<=\", 20].");
        }

        var conditions = new List<(string, double)>();
        for (var i = 0; i < items.Count; i += 2)
        {
            var op = items[i].ValueKind == JsonValueKind.String ? items[i].GetString()! : string.Empty;
            if (!s_numericOperators.Contains(op) || items[i + 1].ValueKind != JsonValueKind.Number)
            {
                throw new FilterPatternException(
                    $"numeric in {path} needs an operator (=, <, <=, >, >=) followed by a number; found {Describe(items[i])}, {Describe(items[i + 1])}.");
            }

            conditions.Add((op, items[i + 1].GetDouble()));
        }

        if (conditions.Count == 2 && (IsLower(conditions[0].Item1) == IsLower(conditions[1].Item1) || conditions.Any(c => c.Item1 == "=")))
        {
            throw new FilterPatternException(
                $"numeric in {path} with two comparisons must give one lower bound (>, >=) and one upper bound (<, <=).");
        }

        return new NumericMatcher(conditions);
    }

    private static bool IsLower(string op) => op is ">" or ">=";

    private static AnythingButMatcher ParseAnythingBut(JsonElement operand, string path)
    {
        switch (operand.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number:
                return new AnythingButMatcher([new ExactMatcher(operand)]);
            case JsonValueKind.Array when operand.GetArrayLength() > 0
                && operand.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number):
                return new AnythingButMatcher(operand.EnumerateArray().Select(e => (ValueMatcher)new ExactMatcher(e)).ToList());
            case JsonValueKind.Object:
                var inner = ParseOperator(operand, path);
                if (inner is StringMatcher)
                {
                    return new AnythingButMatcher([inner]);
                }

                break;
        }

        throw new FilterPatternException(
            $"anything-but in {path} takes a string, a number, a non-empty array of them, or a prefix, suffix or equals-ignore-case object.");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        _ => value.GetRawText(),
    };
}
