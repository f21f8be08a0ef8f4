namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>Holds the event filters of a mapping: a record is delivered when it matches any of them.</summary>
public sealed class FilterCriteria
{
    /// <summary>Gets or sets the filters (at most 5).</summary>
    public IList<Filter>? Filters { get; set; }
}
