using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

/// <summary>Matches string values by prefix, suffix or case-insensitive equality.</summary>
internal sealed class StringMatcher(StringMatchKind kind, string operand, bool ignoreCase) : ValueMatcher
{
    public StringMatchKind Kind => kind;

    public string Operand => operand;

    public override bool Matches(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetString()!;
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return kind switch
        {
            StringMatchKind.Prefix => text.StartsWith(operand, comparison),
            StringMatchKind.Suffix => text.EndsWith(operand, comparison),
            _ => string.Equals(text, operand, comparison),
        };
    }
}
