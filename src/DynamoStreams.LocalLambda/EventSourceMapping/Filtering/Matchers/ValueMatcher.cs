using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

/// <summary>Tests one leaf value of a record against one element of a pattern's value array.</summary>
internal abstract class ValueMatcher
{
    /// <summary>Returns whether the matcher accepts a field that is absent from the record.</summary>
    public virtual bool MatchesMissing => false;

    /// <summary>Returns whether the matcher looks at the whole value (exists) instead of each array element.</summary>
    public virtual bool AppliesToWholeValue => false;

    /// <summary>Returns whether the matcher accepts a present scalar value.</summary>
    /// <param name="value">A string, number, boolean or null value.</param>
    public abstract bool Matches(JsonElement value);
}
