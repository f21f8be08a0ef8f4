using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents;

/// <summary>
/// Represents a stream handler's answer when the event source mapping reports batch item failures
/// (<c>FunctionResponseTypes: ["ReportBatchItemFailures"]</c>): <c>{"batchItemFailures":[{"itemIdentifier":"..."}]}</c>.
/// </summary>
/// <remarks>
/// An empty or null list is a complete success. Otherwise Lambda checkpoints before the lowest listed sequence number
/// and retries the batch from there, so list the first record that failed (records after it are retried anyway).
/// </remarks>
public class StreamsEventResponse
{
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
