using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

/// <summary>Matches a literal: a case-sensitive string, a number (numerically), true, false or null.</summary>
internal sealed class ExactMatcher(JsonElement literal) : ValueMatcher
{
    private readonly JsonElement _literal = literal.Clone();

    public override bool Matches(JsonElement value) => _literal.ValueKind switch
    {
        JsonValueKind.String => value.ValueKind == JsonValueKind.String
            && string.Equals(value.GetString(), _literal.GetString(), StringComparison.Ordinal),
        JsonValueKind.Number => value.ValueKind == JsonValueKind.Number && value.GetDouble() == _literal.GetDouble(),
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => value.ValueKind == _literal.ValueKind,
        _ => false,
    };
}
