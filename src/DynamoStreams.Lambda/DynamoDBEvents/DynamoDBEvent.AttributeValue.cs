using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>
    /// Represents a DynamoDB attribute value in DynamoDB JSON: exactly one member is set.
    /// </summary>
    /// <remarks>Numbers stay strings (<see cref="N"/>, <see cref="NS"/>) so no precision is lost; binary values are
    /// base64 in JSON.</remarks>
    public class AttributeValue
    {
        /// <summary>Gets or sets a string value (<c>S</c>).</summary>
        [JsonPropertyName("S")]
        public string? S { get; set; }

        /// <summary>Gets or sets a number value, as DynamoDB's decimal string (<c>N</c>).</summary>
        [JsonPropertyName("N")]
        public string? N { get; set; }

        /// <summary>Gets or sets a binary value (<c>B</c>, base64 in JSON).</summary>
        [JsonPropertyName("B")]
        public byte[]? B { get; set; }

        /// <summary>Gets or sets a string set (<c>SS</c>).</summary>
        [JsonPropertyName("SS")]
        public List<string>? SS { get; set; }

        /// <summary>Gets or sets a number set, as decimal strings (<c>NS</c>).</summary>
        [JsonPropertyName("NS")]
        public List<string>? NS { get; set; }

        /// <summary>Gets or sets a binary set (<c>BS</c>, base64 strings in JSON).</summary>
        [JsonPropertyName("BS")]
        public List<byte[]>? BS { get; set; }

        /// <summary>Gets or sets a map value (<c>M</c>).</summary>
        [JsonPropertyName("M")]
        public Dictionary<string, AttributeValue>? M { get; set; }

        /// <summary>Gets or sets a list value (<c>L</c>).</summary>
        [JsonPropertyName("L")]
        public List<AttributeValue>? L { get; set; }

        /// <summary>Gets or sets the null marker (<c>NULL</c>): <see langword="true"/> for a null attribute.</summary>
        [JsonPropertyName("NULL")]
        public bool? NULL { get; set; }

        /// <summary>Gets or sets a Boolean value (<c>BOOL</c>).</summary>
        [JsonPropertyName("BOOL")]
        public bool? BOOL { get; set; }
    }
}
