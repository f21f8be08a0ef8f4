using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DynamoStreams.Lambda;

/// <summary>A handler of a JSON event and a JSON response, serialized with source-generated metadata.</summary>
internal sealed class JsonLambdaHandler<TEvent, TResponse>(
    Func<TEvent, ILambdaContext, Task<TResponse>> handler,
    JsonTypeInfo<TEvent> eventType,
    JsonTypeInfo<TResponse> responseType) : LambdaHandler
{
    // The runtime runs one invocation at a time per handler, so one writer is reused for every response.
    private Utf8JsonWriter? _writer;

    public override async ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> response, ILambdaContext context)
    {
        var input = JsonPayload.Read(payload, eventType);
        var output = await handler(input, context).ConfigureAwait(false);
        Write(output, response);
    }

    private void Write(TResponse output, IBufferWriter<byte> response)
    {
        var writer = _writer ??= new Utf8JsonWriter(response, new JsonWriterOptions { Encoder = responseType.Options.Encoder, SkipValidation = true });
        writer.Reset(response);
        try
        {
            JsonSerializer.Serialize(writer, output, responseType);
            writer.Flush();
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new JsonSerializerException($"Error converting the response object of type {typeof(TResponse).FullName} from the Lambda function to JSON: {ex.Message}", ex);
        }
    }
}
