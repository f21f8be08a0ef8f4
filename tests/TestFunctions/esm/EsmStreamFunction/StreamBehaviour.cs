using System.Globalization;
using System.Text.Json;
using DynamoStreams.Lambda;
using DynamoStreams.Lambda.DynamoDBEvents;

namespace DynamoStreams.LocalLambda.EsmTestFunction;

/// <summary>
/// Handles a batch bound to the .NET <see cref="DynamoDBEvent"/> model (so a batch that does not bind fails), the way
/// the Node handler of <c>tests/TestFunctions/esm</c> does: a record whose new image has <c>action</c> = <c>throw</c>
/// fails the invocation, <c>fail</c> is reported in <c>batchItemFailures</c>. Every invocation is appended to
/// <c>ESM_RECORD_FILE</c> as one JSON line, read from the typed model: <c>{pid, requestId, traceId, records:[{seq, key, n,
/// arn, eventName, created}]}</c>.
/// </summary>
internal static class StreamBehaviour
{
    private static readonly string? s_recordFile = Environment.GetEnvironmentVariable("ESM_RECORD_FILE");
    private static readonly Lock s_fileLock = new();

    public static Task<StreamsEventResponse> HandleAsync(DynamoDBEvent dynamoEvent, ILambdaContext context)
    {
        if (s_recordFile is not null)
        {
            Log(dynamoEvent, context);
        }

        var poison = dynamoEvent.Records.FirstOrDefault(r => Attribute(r, "action") == "throw");
        if (poison is not null)
        {
            throw new InvalidOperationException($"poison record {poison.Dynamodb?.SequenceNumber}");
        }

        var response = new StreamsEventResponse
        {
            BatchItemFailures = dynamoEvent.Records
                .Where(r => Attribute(r, "action") == "fail")
                .Select(r => new StreamsEventResponse.BatchItemFailure { ItemIdentifier = r.Dynamodb?.SequenceNumber })
                .ToList(),
        };
        return Task.FromResult(response);
    }

    private static void Log(DynamoDBEvent dynamoEvent, ILambdaContext context)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("pid", Environment.ProcessId);
            writer.WriteString("requestId", context.AwsRequestId);
            writer.WriteString("traceId", context.TraceId);
            writer.WriteStartArray("records");
            foreach (var record in dynamoEvent.Records)
            {
                writer.WriteStartObject();
                writer.WriteString("seq", record.Dynamodb?.SequenceNumber);
                writer.WriteString("key", Attribute(record, "pk"));
                writer.WriteNumber("n", int.Parse(Attribute(record, "n") ?? "0", CultureInfo.InvariantCulture));
                writer.WriteString("arn", record.EventSourceArn);
                writer.WriteString("eventName", record.EventName);
                writer.WriteString("created", record.Dynamodb?.ApproximateCreationDateTime?.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        lock (s_fileLock)
        {
            using var file = new FileStream(s_recordFile!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            buffer.WriteTo(file);
        }
    }

    private static string? Attribute(DynamoDBEvent.DynamodbStreamRecord record, string name)
    {
        var image = record.Dynamodb?.NewImage ?? record.Dynamodb?.OldImage;
        return image is not null && image.TryGetValue(name, out var value) ? value.S ?? value.N : null;
    }
}
