namespace DynamoStreams.Contracts.EventSourceMapping;

/// <summary>Names the metrics of a mapping's <c>MetricsConfig</c>.</summary>
public static class MappingMetrics
{
    /// <summary>The number of events the mapping handled.</summary>
    public const string EventCount = "EventCount";

    /// <summary>The number of events that failed.</summary>
    public const string ErrorCount = "ErrorCount";

    /// <summary>The Kafka metrics (accepted by the API model, not meaningful for a DynamoDB stream).</summary>
    public const string KafkaMetrics = "KafkaMetrics";
}
