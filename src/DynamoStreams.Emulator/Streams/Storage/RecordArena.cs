namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Keeps the JSON of a stream's records in a few large buffers instead of one array per record. Records are kept for
/// the 24-hour retention, and an array of their own would be copied by two collections and marked by every full one;
/// slices of a shared buffer cost the collector one object per buffer. A buffer is freed once no record points into
/// it (records are trimmed oldest first, so buffers go in order). Not thread-safe: the stream's lock guards it.
/// </summary>
internal sealed class RecordArena
{
    private const int FirstBufferBytes = 4 * 1024;
    private const int LargestBufferBytes = 1024 * 1024;

    // A record this large (images of items near the 400 KB limit) gets an array of its own rather than most of a buffer.
    private const int OwnArrayFromBytes = LargestBufferBytes / 4;

    private byte[] _buffer = [];
    private int _used;

    /// <summary>Copies <paramref name="bytes"/> into the arena and returns where they now are.</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= OwnArrayFromBytes)
        {
            return bytes.ToArray();
        }

        if (bytes.Length > _buffer.Length - _used)
        {
            // Buffers grow from small, so a stream with few records holds little memory.
            _buffer = new byte[Math.Min(LargestBufferBytes, Math.Max(FirstBufferBytes, _buffer.Length * 2))];
            _used = 0;
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        var copy = new ReadOnlyMemory<byte>(_buffer, _used, bytes.Length);
        _used += bytes.Length;
        return copy;
    }
}
