using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents;

/// <summary>
/// Represents the event Lambda sends a function from a DynamoDB stream: <c>{"Records":[...]}</c>.
/// </summary>
/// <remarks>
/// The shape and the nested type names follow <c>Amazon.Lambda.DynamoDBEvents</c> (v3), so code written against
/// that package ports by changing the namespace; the JSON is the one Lambda sends
/// (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html). Serialize and deserialize it with
/// <see cref="DynamoDBEventJsonContext"/>.
/// </remarks>
public partial class DynamoDBEvent
{
    /// <summary>
    /// Gets or sets the stream records of the batch, oldest first.
    /// </summary>
    [JsonPropertyName("Records")]
    public IList<DynamodbStreamRecord> Records { get; set; } = [];
}
