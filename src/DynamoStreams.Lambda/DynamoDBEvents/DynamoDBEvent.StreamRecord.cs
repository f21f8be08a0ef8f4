using System.Text.Json.Serialization;
using DynamoStreams.Lambda.DynamoDBEvents.Converters;

namespace DynamoStreams.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>
    /// Represents the DynamoDB part of a stream record (the DynamoDB Streams <c>StreamRecord</c>).
    /// </summary>
    public class StreamRecord
    {
        /// <summary>
        /// Gets or sets when the change was made, in UTC, to the second.
        /// </summary>
        /// <remarks>
        /// Written as epoch seconds (a JSON number), as Lambda sends it. Read from a number of seconds (a value above
        /// 157753180800 is taken as milliseconds) or from an ISO-8601 string.
        /// </remarks>
        [JsonPropertyName("ApproximateCreationDateTime")]
        [JsonConverter(typeof(EpochSecondsDateTimeConverter))]
        public DateTime? ApproximateCreationDateTime { get; set; }

        /// <summary>
        /// Gets or sets the primary key attributes of the item.
        /// </summary>
        [JsonPropertyName("Keys")]
        public Dictionary<string, AttributeValue>? Keys { get; set; }

        /// <summary>
        /// Gets or sets the item after the change (stream view types <c>NEW_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c>).
        /// </summary>
        [JsonPropertyName("NewImage")]
        public Dictionary<string, AttributeValue>? NewImage { get; set; }

        /// <summary>
        /// Gets or sets the item before the change (stream view types <c>OLD_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c>).
        /// </summary>
        [JsonPropertyName("OldImage")]
        public Dictionary<string, AttributeValue>? OldImage { get; set; }

        /// <summary>
        /// Gets or sets the sequence number of the record in its shard; the <c>itemIdentifier</c> of a batch item failure.
        /// </summary>
        [JsonPropertyName("SequenceNumber")]
        public string? SequenceNumber { get; set; }

        /// <summary>
        /// Gets or sets the size of the record in bytes.
        /// </summary>
        [JsonPropertyName("SizeBytes")]
        public long SizeBytes { get; set; }

        /// <summary>
        /// Gets or sets what the stream captures: <c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.
        /// </summary>
        [JsonPropertyName("StreamViewType")]
        public string? StreamViewType { get; set; }
    }
}
