using System.Text.Encodings.Web;
using System.Text.Json;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// A response body being built: a pooled buffer and the <see cref="Utf8JsonWriter"/> over it, kept per thread and
/// reused by the next request, so serving a request allocates neither. The body is buffered because its length and
/// CRC-32 go in the headers, before it.
/// </summary>
internal sealed class ResponseBuffer
{
    /// <summary>A buffer grown beyond this is given back to the pool rather than kept for the next request.</summary>
    private const int MaxRetainedBytes = 64 * 1024;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ResponseBuffer? t_cached;

    private PooledBufferWriter _buffer = new();

    private ResponseBuffer()
    {
        Writer = new Utf8JsonWriter(_buffer, s_writerOptions);
    }

    /// <summary>Gets the JSON writer of the body.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Gets the bytes written (after <see cref="Utf8JsonWriter.Flush"/>).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    /// <summary>Takes this thread's cached buffer, or a new one when it is in use (an operation awaiting).</summary>
    /// <returns>An empty buffer; give it back with <see cref="Return"/>.</returns>
    public static ResponseBuffer Rent()
    {
        var buffer = t_cached ?? new ResponseBuffer();
        t_cached = null;
        return buffer;
    }

    /// <summary>Empties the buffer and keeps it for the next request on the current thread.</summary>
    public void Return()
    {
        Writer.Reset();
        if (_buffer.Capacity > MaxRetainedBytes)
        {
            _buffer.Dispose();
            _buffer = new PooledBufferWriter();
            Writer.Reset(_buffer);
        }
        else
        {
            _buffer.Clear();
        }

        if (t_cached is null)
        {
            t_cached = this;
        }
        else
        {
            _buffer.Dispose();
        }
    }
}
