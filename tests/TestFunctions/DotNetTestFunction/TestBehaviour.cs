using System.Buffers;
using System.Text;
using System.Text.Json;
using DynamoStreams.Lambda;

namespace DynamoStreams.LocalLambda.TestFunction;

/// <summary>
/// Picks the test behaviour from the payload's <c>action</c>, or from <c>TEST_ACTION</c> when the payload has none
/// (stream batches). Actions: <c>empty</c> (answers <c>{}</c> without parsing: the benchmark's no-op), <c>echo</c>
/// (the default: pid, request id, ARN, remaining ms, trace id, event), <c>throw</c> (an InvalidOperationException
/// with <c>message</c>), <c>sleep</c> (<c>sleepMs</c> or <c>TEST_SLEEP_MS</c>, then echo), <c>exit</c>
/// (<c>exitCode</c>, default 3), <c>large</c> (a 7 MB string), <c>env</c> (the whole environment),
/// <c>fail-records</c> (records whose keys contain <c>TEST_FAIL_KEY</c> become batch item failures).
/// Every invocation is appended as a JSON line to <c>TEST_RECORD_FILE</c> when set.
/// </summary>
internal static class TestBehaviour
{
    private static readonly string? s_defaultAction = Environment.GetEnvironmentVariable("TEST_ACTION");
    private static readonly string? s_recordFile = Environment.GetEnvironmentVariable("TEST_RECORD_FILE");

    public static async ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> response, ILambdaContext context)
    {
        if (s_recordFile is not null)
        {
            await File.AppendAllTextAsync(s_recordFile, $"{{\"requestId\":\"{context.AwsRequestId}\",\"pid\":{Environment.ProcessId},\"event\":{Encoding.UTF8.GetString(payload.Span)}}}\n").ConfigureAwait(false);
        }

        if (s_defaultAction == "empty" && payload.Length <= 2)
        {
            response.Write("{}"u8);
            return;
        }

        using var document = payload.IsEmpty ? JsonDocument.Parse("{}") : JsonDocument.Parse(payload);
        var root = document.RootElement;
        var action = Property(root, "action") ?? s_defaultAction ?? "echo";
        switch (action)
        {
            case "empty":
                response.Write("{}"u8);
                break;
            case "throw":
                throw new InvalidOperationException(Property(root, "message") ?? "boom");
            case "sleep":
                var sleepMs = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sleepMs", out var ms) ? ms.GetInt32() : int.Parse(Environment.GetEnvironmentVariable("TEST_SLEEP_MS") ?? "60000", System.Globalization.CultureInfo.InvariantCulture);
                await Task.Delay(sleepMs).ConfigureAwait(false);
                Echo(root, response, context);
                break;
            case "exit":
                Environment.Exit(root.TryGetProperty("exitCode", out var code) ? code.GetInt32() : 3);
                break;
            case "large":
                response.Write(Encoding.UTF8.GetBytes("\"" + new string('x', 7 * 1024 * 1024) + "\""));
                break;
            case "env":
                WriteEnvironment(response);
                break;
            case "fail-records":
                WriteFailures(root, response);
                break;
            default:
                Echo(root, response, context);
                break;
        }
    }

    private static string? Property(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Echo(JsonElement root, IBufferWriter<byte> response, ILambdaContext context)
    {
        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        writer.WriteNumber("pid", Environment.ProcessId);
        writer.WriteString("requestId", context.AwsRequestId);
        writer.WriteString("functionArn", context.InvokedFunctionArn);
        writer.WriteNumber("remainingMs", (long)context.RemainingTime.TotalMilliseconds);
        writer.WriteString("traceId", context.TraceId);
        writer.WritePropertyName("event");
        root.WriteTo(writer);
        writer.WriteEndObject();
    }

    private static void WriteEnvironment(IBufferWriter<byte> response)
    {
        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            writer.WriteString((string)entry.Key, (string?)entry.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteFailures(JsonElement root, IBufferWriter<byte> response)
    {
        var key = Environment.GetEnvironmentVariable("TEST_FAIL_KEY") ?? "fail";
        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        writer.WriteStartArray("batchItemFailures");
        if (root.TryGetProperty("Records", out var records))
        {
            foreach (var record in records.EnumerateArray())
            {
                var dynamodb = record.GetProperty("dynamodb");
                if (dynamodb.TryGetProperty("Keys", out var keys) && keys.GetRawText().Contains(key, StringComparison.Ordinal))
                {
                    writer.WriteStartObject();
                    writer.WriteString("itemIdentifier", dynamodb.GetProperty("SequenceNumber").GetString());
                    writer.WriteEndObject();
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
