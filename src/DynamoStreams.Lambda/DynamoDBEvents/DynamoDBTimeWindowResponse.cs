using System.Text.Json.Serialization;
using DynamoStreams.Lambda.DynamoDBEvents.Converters;

namespace DynamoStreams.Lambda.DynamoDBEvents;

/// <summary>
/// Represents a tumbling-window handler's answer: the new state of the window and, optionally, batch item failures.
/// </summary>
public class DynamoDBTimeWindowResponse
{
    /// <summary>
    /// Gets or sets the state after this batch; Lambda passes it to the next invocation of the window.
    /// </summary>
    /// <remarks>Required: a response without <c>state</c> fails the invocation. Integer values in JSON are read as strings.</remarks>
    [JsonPropertyName("state")]
    [JsonConverter(typeof(StateDictionaryConverter))]
    public Dictionary<string, string>? State { get; set; }

    /// <summary>
    /// Gets or sets the records that failed, identified by their <c>SequenceNumber</c>.
    /// </summary>
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure>? BatchItemFailures { get; set; } = [];

    /// <summary>
    /// Represents one record that failed processing.
    /// </summary>
    public class BatchItemFailure
    {
        /// <summary>
        /// Gets or sets the <c>SequenceNumber</c> of the record that failed.
        /// </summary>
        [JsonPropertyName("itemIdentifier")]
        public string? ItemIdentifier { get; set; }
    }
}
