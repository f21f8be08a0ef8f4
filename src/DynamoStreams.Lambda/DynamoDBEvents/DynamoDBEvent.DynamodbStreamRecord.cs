using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>
    /// Represents one stream record of the event: a DynamoDB Streams <c>Record</c> plus the stream ARN.
    /// </summary>
    public class DynamodbStreamRecord
    {
        /// <summary>
        /// Gets or sets the globally unique identifier of the record (<c>eventID</c>).
        /// </summary>
        [JsonPropertyName("eventID")]
        public string? EventID { get; set; }

        /// <summary>
        /// Gets or sets the kind of change: <c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c> (<c>eventName</c>).
        /// </summary>
        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        /// <summary>
        /// Gets or sets the version of the record format, e.g. <c>1.1</c> (<c>eventVersion</c>).
        /// </summary>
        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        /// <summary>
        /// Gets or sets the service the record came from, <c>aws:dynamodb</c> (<c>eventSource</c>).
        /// </summary>
        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        /// <summary>
        /// Gets or sets the region of the table (<c>awsRegion</c>).
        /// </summary>
        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        /// <summary>
        /// Gets or sets the body of the record: keys, images, sequence number (<c>dynamodb</c>).
        /// </summary>
        [JsonPropertyName("dynamodb")]
        public StreamRecord? Dynamodb { get; set; }

        /// <summary>
        /// Gets or sets who made the change; set only for deletions by Time to Live (<c>userIdentity</c>).
        /// </summary>
        [JsonPropertyName("userIdentity")]
        public Identity? UserIdentity { get; set; }

        /// <summary>
        /// Gets or sets the ARN of the stream the record was read from (<c>eventSourceARN</c>).
        /// </summary>
        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; set; }
    }
}
