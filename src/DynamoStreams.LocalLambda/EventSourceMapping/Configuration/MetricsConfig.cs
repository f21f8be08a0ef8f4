namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>Holds the metrics a mapping publishes in AWS (<c>EventCount</c>, <c>ErrorCount</c>); stored and reported locally.</summary>
public sealed class MetricsConfig
{
    /// <summary>Gets or sets the metric names.</summary>
    public IList<string>? Metrics { get; set; }
}
