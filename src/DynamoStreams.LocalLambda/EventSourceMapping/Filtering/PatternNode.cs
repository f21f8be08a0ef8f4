using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

/// <summary>
/// Holds one object level of a pattern: named fields (ANDed) and optional <c>$or</c> alternatives. A field is either a
/// nested level or a leaf: a value array whose matchers are ORed.
/// </summary>
internal sealed class PatternNode
{
    public Dictionary<string, PatternNode> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<ValueMatcher>> Leaves { get; } = new(StringComparer.Ordinal);

    public List<PatternNode> OrAlternatives { get; } = [];

    /// <summary>Returns whether the record value at this level (an object, or absent) satisfies the pattern.</summary>
    public bool Matches(JsonElement? value)
    {
        foreach (var (name, child) in Objects)
        {
            var field = Field(value, name);
            if (field is { ValueKind: not JsonValueKind.Object })
            {
                return false;
            }

            if (!child.Matches(field))
            {
                return false;
            }
        }

        foreach (var (name, matchers) in Leaves)
        {
            if (!MatchesLeaf(matchers, Field(value, name)))
            {
                return false;
            }
        }

        return OrAlternatives.Count == 0 || OrAlternatives.Any(alternative => alternative.Matches(value));
    }

    private static JsonElement? Field(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var field) ? field : null;

    private static bool MatchesLeaf(IReadOnlyList<ValueMatcher> matchers, JsonElement? value)
    {
        if (value is not { } present)
        {
            return matchers.Any(m => m.MatchesMissing);
        }

        foreach (var matcher in matchers)
        {
            if (matcher.AppliesToWholeValue)
            {
                if (matcher.Matches(present))
                {
                    return true;
                }
            }
            else if (MatchesAny(matcher, present))
            {
                return true;
            }
        }

        return false;
    }

    // EventBridge: an array in the record matches when any of its elements does.
    private static bool MatchesAny(ValueMatcher matcher, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Any(element => MatchesAny(matcher, element)),
        JsonValueKind.Object => false,
        _ => matcher.Matches(value),
    };
}
