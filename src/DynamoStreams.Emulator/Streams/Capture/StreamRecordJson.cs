using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Streams.Capture;

/// <summary>
/// Writes a stream record's JSON in the shape of <c>GetRecords</c> (and of a Lambda event record).
/// </summary>
internal static class StreamRecordJson
{
    /// <summary>
    /// Renders the record into the thread's buffer and returns its JSON, valid until the thread's next render: copy it
    /// out before rendering again.
    /// </summary>
    public static ReadOnlySpan<byte> Render(StreamRecordDraft draft, Guid eventId, string region, long counter, string viewType,
        DateTimeOffset createdAt, bool lambdaIdentityCasing) =>
        RecordBuffers.RenderSpan(new RecordFields(draft, eventId, region, counter, viewType, createdAt, lambdaIdentityCasing), WriteRecord);

    private static void WriteRecord(Utf8JsonWriter writer, RecordFields fields)
    {
        var draft = fields.Draft;
        writer.WriteStartObject();
        Span<char> eventId = stackalloc char[32];
        fields.EventId.TryFormat(eventId, out _, "N");
        writer.WriteString("eventID"u8, eventId);
        writer.WriteString("eventName"u8, draft.EventName);
        writer.WriteString("eventVersion"u8, "1.1"u8);
        writer.WriteString("eventSource"u8, "aws:dynamodb"u8);
        writer.WriteString("awsRegion"u8, fields.Region);
        writer.WriteStartObject("dynamodb"u8);
        writer.WriteNumber("ApproximateCreationDateTime"u8, fields.CreatedAt.ToUnixTimeSeconds());
        writer.WritePropertyName("Keys"u8);
        draft.Keys.Write(writer);
        if (draft.NewImage is { } newImage)
        {
            writer.WritePropertyName("NewImage"u8);
            AttributeValueWriter.WriteItem(writer, newImage);
        }

        if (draft.OldImage is { } oldImage)
        {
            writer.WritePropertyName("OldImage"u8);
            AttributeValueWriter.WriteItem(writer, oldImage);
        }

        Span<char> sequenceNumber = stackalloc char[StreamSequenceNumber.CounterTextLength];
        StreamSequenceNumber.FormatCounter(fields.Counter, sequenceNumber);
        writer.WriteString("SequenceNumber"u8, sequenceNumber);
        writer.WriteNumber("SizeBytes"u8, draft.SizeBytes);
        writer.WriteString("StreamViewType"u8, fields.ViewType);
        writer.WriteEndObject();
        if (draft.IsServiceWrite)
        {
            // GetRecords uses the wire model's member names; Lambda events use camelCase ones.
            writer.WriteStartObject("userIdentity"u8);
            writer.WriteString(fields.LambdaIdentityCasing ? "principalId"u8 : "PrincipalId"u8, "dynamodb.amazonaws.com"u8);
            writer.WriteString(fields.LambdaIdentityCasing ? "type"u8 : "Type"u8, "Service"u8);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private readonly record struct RecordFields(StreamRecordDraft Draft, Guid EventId, string Region, long Counter, string ViewType,
        DateTimeOffset CreatedAt, bool LambdaIdentityCasing);
}
