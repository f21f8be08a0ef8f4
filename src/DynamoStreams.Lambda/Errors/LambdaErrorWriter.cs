using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DynamoStreams.Lambda;

/// <summary>
/// Writes the error body the Runtime API expects for an exception, as <c>Amazon.Lambda.RuntimeSupport</c> does:
/// <c>{"errorMessage","errorType","stackTrace":[...],"cause":{...},"causes":[...]}</c>, capped at 256 KB.
/// </summary>
public static class LambdaErrorWriter
{
    /// <summary>The largest error body Lambda accepts; a larger one is replaced by a truncation notice.</summary>
    public const int MaxErrorBytes = 256 * 1024;

    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>
    /// Gets the <c>errorType</c> Lambda's .NET runtime reports for an exception: the exception type's simple name.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The type name, e.g. <c>InvalidOperationException</c>.</returns>
    public static string ErrorType(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().Name;
    }

    /// <summary>
    /// Writes the error body for <paramref name="exception"/> into <paramref name="output"/>, replacing its contents.
    /// </summary>
    /// <param name="exception">The exception to report.</param>
    /// <param name="output">The buffer that receives the UTF-8 JSON.</param>
    public static void Write(Exception exception, ArrayBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(output);
        output.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(output, s_options))
        {
            WriteException(writer, exception, depth: 0);
        }

        if (output.WrittenCount > MaxErrorBytes)
        {
            output.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(output, s_options);
            writer.WriteStartObject();
            writer.WriteString("errorMessage", "Exception exceeded maximum payload size of 256KB.");
            writer.WriteString("errorType", ErrorType(exception));
            writer.WriteEndObject();
        }
    }

    private static void WriteException(Utf8JsonWriter writer, Exception exception, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString("errorMessage", exception.Message);
        writer.WriteString("errorType", ErrorType(exception));
        var stackTrace = exception.StackTrace;
        if (!string.IsNullOrWhiteSpace(stackTrace))
        {
            writer.WriteStartArray("stackTrace");
            foreach (var line in stackTrace.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
        }

        // Bounded depth: a cyclic or pathological inner-exception chain must not blow the stack.
        if (depth < 16)
        {
            if (exception.InnerException is { } inner)
            {
                writer.WritePropertyName("cause");
                WriteException(writer, inner, depth + 1);
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                writer.WriteStartArray("causes");
                foreach (var item in aggregate.InnerExceptions)
                {
                    WriteException(writer, item, depth + 1);
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    }
}
