using System.Buffers;

namespace DynamoStreams.Lambda;

/// <summary>A handler over streams: the payload as a read-only stream, the response stream copied out.</summary>
internal sealed class StreamLambdaHandler(Func<Stream, ILambdaContext, Task<Stream>> handler) : LambdaHandler
{
    public override async ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> response, ILambdaContext context)
    {
        using var input = new ReadOnlyMemoryStream(payload);
        var output = await handler(input, context).ConfigureAwait(false);
        if (output is null)
        {
            return;
        }

        await using (output.ConfigureAwait(false))
        {
            while (true)
            {
                var memory = response.GetMemory(16 * 1024);
                var read = await output.ReadAsync(memory, context.CancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                response.Advance(read);
            }
        }
    }
}
