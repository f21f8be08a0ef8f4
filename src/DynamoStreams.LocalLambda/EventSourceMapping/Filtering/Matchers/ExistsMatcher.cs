using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

/// <summary>Matches <c>{"exists": true}</c> (a leaf value is present) or <c>{"exists": false}</c> (the field is absent).</summary>
internal sealed class ExistsMatcher(bool exists) : ValueMatcher
{
    public override bool MatchesMissing => !exists;

    public override bool AppliesToWholeValue => true;

    // EventBridge: exists only matches leaf nodes, never an object.
    public override bool Matches(JsonElement value) => exists && value.ValueKind != JsonValueKind.Object;
}
