using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Writes a stream record's JSON in the shape of <c>GetRecords</c> (and of a Lambda event record).
/// </summary>
internal static class StreamRecordJson
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static byte[] Write(StreamRecordDraft draft, string eventId, string region, string sequenceNumber, string viewType,
        DateTimeOffset createdAt, bool lambdaIdentityCasing)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + draft.KeysJson.Length + (draft.NewImageJson?.Length ?? 0) + (draft.OldImageJson?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("eventID"u8, eventId);
            writer.WriteString("eventName"u8, draft.EventName);
            writer.WriteString("eventVersion"u8, "1.1"u8);
            writer.WriteString("eventSource"u8, "aws:dynamodb"u8);
            writer.WriteString("awsRegion"u8, region);
            writer.WriteStartObject("dynamodb"u8);
            writer.WriteNumber("ApproximateCreationDateTime"u8, createdAt.ToUnixTimeSeconds());
            writer.WritePropertyName("Keys"u8);
            writer.WriteRawValue(draft.KeysJson, skipInputValidation: true);
            if (draft.NewImageJson is { } newImage)
            {
                writer.WritePropertyName("NewImage"u8);
                writer.WriteRawValue(newImage, skipInputValidation: true);
            }

            if (draft.OldImageJson is { } oldImage)
            {
                writer.WritePropertyName("OldImage"u8);
                writer.WriteRawValue(oldImage, skipInputValidation: true);
            }

            writer.WriteString("SequenceNumber"u8, sequenceNumber);
            writer.WriteNumber("SizeBytes"u8, draft.SizeBytes);
            writer.WriteString("StreamViewType"u8, viewType);
            writer.WriteEndObject();
            if (draft.IsServiceWrite)
            {
                // GetRecords uses the wire model's member names; Lambda events use camelCase ones.
                writer.WriteStartObject("userIdentity"u8);
                writer.WriteString(lambdaIdentityCasing ? "principalId"u8 : "PrincipalId"u8, "dynamodb.amazonaws.com"u8);
                writer.WriteString(lambdaIdentityCasing ? "type"u8 : "Type"u8, "Service"u8);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
