using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents;

/// <summary>
/// Provides source-generated (trimming- and Native AOT-safe) JSON metadata for the DynamoDB stream event model.
/// </summary>
/// <remarks>
/// Names bind case-insensitively on read; writing uses exactly Lambda's names and leaves out unset members.
/// <see cref="JsonSerializerContext.Options"/> of <see cref="Default"/> escape non-ASCII text as the serializer's
/// default does; <see cref="Wire"/> writes it unescaped, byte for byte the way Lambda does, and is what the runtime uses.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(DynamoDBTimeWindowEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(DynamoDBTimeWindowResponse))]
[JsonSerializable(typeof(Dictionary<string, DynamoDBEvent.AttributeValue>), TypeInfoPropertyName = "AttributeValueMap")]
[JsonSerializable(typeof(DynamoDBTimeWindowResponse.BatchItemFailure), TypeInfoPropertyName = "TimeWindowBatchItemFailure")]
[JsonSerializable(typeof(IList<DynamoDBTimeWindowResponse.BatchItemFailure>), TypeInfoPropertyName = "TimeWindowBatchItemFailureList")]
public partial class DynamoDBEventJsonContext : JsonSerializerContext
{
    private static DynamoDBEventJsonContext? s_wire;

    /// <summary>
    /// Gets a context that writes JSON as Lambda does: non-ASCII characters and HTML-sensitive characters unescaped.
    /// </summary>
    public static DynamoDBEventJsonContext Wire => s_wire ??= new DynamoDBEventJsonContext(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
