using Microsoft.AspNetCore.Http;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Reads a runtime's request body up to a limit; a larger body is drained so the runtime still gets a clean reply.
/// </summary>
/// <param name="Content">The body when within the limit.</param>
/// <param name="TooLarge">Whether the body exceeded the limit.</param>
/// <param name="Length">The body length in bytes when known.</param>
internal readonly record struct RequestBody(ReadOnlyMemory<byte> Content, bool TooLarge, long? Length)
{
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > limit)
            {
                await request.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                return new RequestBody(ReadOnlyMemory<byte>.Empty, true, declared);
            }

            var exact = new byte[declared];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return new RequestBody(exact, false, declared);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                var total = buffer.Length + read;
                while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return new RequestBody(ReadOnlyMemory<byte>.Empty, true, total);
            }

            buffer.Write(chunk, 0, read);
        }

        return new RequestBody(buffer.ToArray(), false, buffer.Length);
    }
}
