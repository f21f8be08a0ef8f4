using System.Text.Json.Serialization;
using DynamoStreams.Lambda.DynamoDBEvents.Converters;

namespace DynamoStreams.Lambda.DynamoDBEvents;

/// <summary>
/// Represents the event of a stream event source mapping with a tumbling window (<c>TumblingWindowInSeconds</c>):
/// the records plus the window, the state returned by the previous invocation of the window and the window flags.
/// </summary>
/// <remarks>Answer with a <see cref="DynamoDBTimeWindowResponse"/> whose <c>state</c> is set: a response without
/// <c>state</c> is a failed invocation.</remarks>
public class DynamoDBTimeWindowEvent : DynamoDBEvent
{
    /// <summary>
    /// Gets or sets the window the records belong to.
    /// </summary>
    [JsonPropertyName("window")]
    public TimeWindow? Window { get; set; }

    /// <summary>
    /// Gets or sets the state the previous invocation of this window returned; empty on the first invocation.
    /// </summary>
    /// <remarks>Integer values in the JSON (a state written by another runtime) are read as their decimal strings.</remarks>
    [JsonPropertyName("state")]
    [JsonConverter(typeof(StateDictionaryConverter))]
    public Dictionary<string, string>? State { get; set; }

    /// <summary>
    /// Gets or sets the shard the records were read from.
    /// </summary>
    [JsonPropertyName("shardId")]
    public string? ShardId { get; set; }

    /// <summary>
    /// Gets or sets the ARN of the stream.
    /// </summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether this is the last invocation of the window: process the final state now.
    /// </summary>
    [JsonPropertyName("isFinalInvokeForWindow")]
    public bool? IsFinalInvokeForWindow { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the window ended early because the state exceeded 1 MB.
    /// </summary>
    [JsonPropertyName("isWindowTerminatedEarly")]
    public bool? IsWindowTerminatedEarly { get; set; }

    /// <summary>
    /// Represents the bounds of a tumbling window, in UTC (ISO-8601 in JSON).
    /// </summary>
    public class TimeWindow
    {
        /// <summary>
        /// Gets or sets the inclusive start of the window.
        /// </summary>
        [JsonPropertyName("start")]
        public DateTime Start { get; set; }

        /// <summary>
        /// Gets or sets the exclusive end of the window.
        /// </summary>
        [JsonPropertyName("end")]
        public DateTime End { get; set; }
    }
}
