using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

/// <summary>Holds a mapping's filters: a record is delivered when there are none or when any of them matches.</summary>
/// <param name="patterns">The parsed patterns.</param>
public sealed class FilterSet(IReadOnlyList<FilterPattern> patterns)
{
    /// <summary>Gets a filter set that delivers every record.</summary>
    public static FilterSet Empty { get; } = new([]);

    /// <summary>Gets the patterns.</summary>
    public IReadOnlyList<FilterPattern> Patterns { get; } = patterns;

    /// <summary>Gets whether there are no filters.</summary>
    public bool IsEmpty => Patterns.Count == 0;

    /// <summary>Returns whether a delivered record passes the filters.</summary>
    /// <param name="record">The record as delivered (a JSON object).</param>
    /// <returns>True when the record is to be delivered.</returns>
    public bool Matches(JsonElement record) => IsEmpty || Patterns.Any(p => p.Matches(record));
}
