using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>
    /// Represents who made a change; DynamoDB sets it for items deleted by Time to Live.
    /// </summary>
    /// <remarks>Written as <c>type</c>/<c>principalId</c>, as Lambda sends it; <c>Type</c>/<c>PrincipalId</c> (the
    /// DynamoDB Streams API casing) read as well.</remarks>
    public class Identity
    {
        /// <summary>
        /// Gets or sets the type of the identity; <c>Service</c> for Time to Live.
        /// </summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>
        /// Gets or sets the identifier of the principal; <c>dynamodb.amazonaws.com</c> for Time to Live.
        /// </summary>
        [JsonPropertyName("principalId")]
        public string? PrincipalId { get; set; }
    }
}
