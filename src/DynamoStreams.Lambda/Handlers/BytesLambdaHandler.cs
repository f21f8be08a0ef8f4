using System.Buffers;

namespace DynamoStreams.Lambda;

/// <summary>A handler over raw bytes.</summary>
internal sealed class BytesLambdaHandler(Func<ReadOnlyMemory<byte>, IBufferWriter<byte>, ILambdaContext, ValueTask> handler) : LambdaHandler
{
    public override ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> response, ILambdaContext context) =>
        handler(payload, response, context);
}
