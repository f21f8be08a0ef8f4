namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>Holds one event filter.</summary>
public sealed class Filter
{
    /// <summary>Gets or sets the filter pattern: a JSON object in the EventBridge pattern language.</summary>
    public string? Pattern { get; set; }
}
