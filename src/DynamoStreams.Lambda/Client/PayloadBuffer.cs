namespace DynamoStreams.Lambda;

/// <summary>
/// A growable byte buffer the client reads every event body into, so a warm loop does not allocate per payload.
/// </summary>
internal sealed class PayloadBuffer
{
    private byte[] _buffer = new byte[16 * 1024];

    public async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is long length && length > _buffer.Length)
        {
            _buffer = new byte[length];
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return _buffer.AsMemory(0, count);
            }

            count += read;
        }
    }
}
