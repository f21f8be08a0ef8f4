namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Keeps the bytes of a stream's records (their JSON and partition key) in a few large buffers instead of arrays of
/// their own. Records are kept for the 24-hour retention, and an array per record would be copied by two collections
/// and marked by every full one; a shared buffer costs the collector one object for many records, and holds no
/// references to mark. A buffer is freed once no record points into it (records are trimmed oldest first, so buffers
/// go in order). Not thread-safe: the stream's lock guards it.
/// </summary>
internal sealed class RecordArena
{
    private const int FirstBufferBytes = 4 * 1024;
    private const int LargestBufferBytes = 1024 * 1024;

    // A record this large (images of items near the 400 KB limit) gets an array of its own rather than most of a buffer.
    private const int OwnArrayFromBytes = LargestBufferBytes / 4;

    private byte[] _buffer = [];
    private int _used;

    /// <summary>Sets aside <paramref name="length"/> contiguous bytes and returns them, with the buffer and offset they are at.</summary>
    public Span<byte> Allocate(int length, out byte[] buffer, out int offset)
    {
        if (length >= OwnArrayFromBytes)
        {
            buffer = new byte[length];
            offset = 0;
            return buffer;
        }

        if (length > _buffer.Length - _used)
        {
            // Buffers grow from small, so a stream with few records holds little memory; a new buffer always has room
            // for the record that asked for it (below OwnArrayFromBytes, so within LargestBufferBytes).
            _buffer = new byte[Math.Min(LargestBufferBytes, Math.Max(length, Math.Max(FirstBufferBytes, _buffer.Length * 2)))];
            _used = 0;
        }

        buffer = _buffer;
        offset = _used;
        _used += length;
        return buffer.AsSpan(offset, length);
    }
}
