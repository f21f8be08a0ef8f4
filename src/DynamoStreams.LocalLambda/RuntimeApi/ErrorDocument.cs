using System.Buffers;
using System.Text.Json;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Reads and writes the Lambda error document <c>{"errorMessage","errorType","stackTrace":[...]}</c>.
/// </summary>
internal static class ErrorDocument
{
    /// <summary>Serializes <paramref name="error"/> as Lambda's Invoke returns a function error.</summary>
    public static byte[] Serialize(FunctionError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", error.ErrorMessage);
            writer.WriteString("errorType", error.ErrorType);
            if (error.StackTrace.Count > 0)
            {
                writer.WriteStartArray("stackTrace");
                foreach (var line in error.StackTrace)
                {
                    writer.WriteStringValue(line);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Parses an error posted by a runtime. The body's <c>errorType</c> wins over the
    /// <c>Lambda-Runtime-Function-Error-Type</c> header; with no usable body the header defines the error
    /// (spec C.1). Node's <c>trace</c> is read like <c>stackTrace</c>.
    /// </summary>
    public static FunctionError Parse(ReadOnlySpan<byte> body, string? headerType, FunctionErrorKind kind)
    {
        string? type = null;
        string? message = null;
        List<string> stack = [];
        if (!body.IsEmpty)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                using var document = JsonDocument.ParseValue(ref reader);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    var root = document.RootElement;
                    type = GetString(root, "errorType");
                    message = GetString(root, "errorMessage");
                    ReadStack(root, "stackTrace", stack);
                    ReadStack(root, "trace", stack);
                }
            }
            catch (JsonException)
            {
                message = System.Text.Encoding.UTF8.GetString(body);
            }
        }

        type ??= string.IsNullOrEmpty(headerType) ? "Runtime.Unknown" : headerType;
        return new FunctionError(kind, type, message ?? string.Empty, stack);
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void ReadStack(JsonElement root, string name, List<string> stack)
    {
        if (stack.Count > 0 || !root.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var line in value.EnumerateArray())
            {
                if (line.ValueKind == JsonValueKind.String)
                {
                    stack.Add(line.GetString()!);
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            stack.AddRange(value.GetString()!.Split('\n'));
        }
    }
}
