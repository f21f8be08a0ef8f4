using System.Buffers;
using System.Text.Json.Serialization.Metadata;

namespace DynamoStreams.Lambda;

/// <summary>A handler of a JSON event that returns no body.</summary>
internal sealed class JsonEventLambdaHandler<TEvent>(Func<TEvent, ILambdaContext, Task> handler, JsonTypeInfo<TEvent> eventType) : LambdaHandler
{
    public override async ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> response, ILambdaContext context) =>
        await handler(JsonPayload.Read(payload, eventType), context).ConfigureAwait(false);
}
