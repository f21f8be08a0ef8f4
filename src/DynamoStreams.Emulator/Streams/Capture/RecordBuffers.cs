using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DynamoStreams.Emulator.Streams.Capture;

/// <summary>
/// Renders the JSON pieces of a stream record (keys, images, the record) with one buffer and writer per thread:
/// each piece is copied out at once, so capture allocates only the bytes it keeps. Not reentrant: a render must
/// not start another on the same thread.
/// </summary>
internal static class RecordBuffers
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Runs <paramref name="write"/> on the thread's writer and returns what it wrote, valid until the thread's next
    /// render: copy it out before rendering again.
    /// </summary>
    public static ReadOnlySpan<byte> RenderSpan<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, s_options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        return buffer.WrittenSpan;
    }
}
