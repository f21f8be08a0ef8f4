using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

/// <summary>Matches any present value that none of the inner matchers accepts (<c>{"anything-but": ...}</c>).</summary>
internal sealed class AnythingButMatcher(IReadOnlyList<ValueMatcher> excluded) : ValueMatcher
{
    public override bool Matches(JsonElement value) => !excluded.Any(m => m.Matches(value));
}
