using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using DynamoStreams.Lambda.DynamoDBEvents;

namespace DynamoStreams.Lambda;

/// <summary>
/// Represents a function handler: the event payload in, the response payload out. Create one from a delegate with
/// the static factories, or derive from it for full control of the bytes.
/// </summary>
/// <remarks>An exception thrown by <see cref="InvokeAsync"/> is reported to Lambda as an invocation error
/// (<c>errorType</c> = the exception type's simple name).</remarks>
public abstract class LambdaHandler
{
    /// <summary>
    /// Handles one invocation.
    /// </summary>
    /// <param name="payload">The event body; valid only until the returned task completes.</param>
    /// <param name="response">The buffer to write the response body into; leave it empty for no body.</param>
    /// <param name="context">The invocation's context; its <see cref="ILambdaContext.CancellationToken"/> fires at the
    /// deadline or on shutdown.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public abstract ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> response, ILambdaContext context);

    /// <summary>
    /// Creates a handler that works on raw bytes without copying: the fastest form.
    /// </summary>
    /// <param name="handler">Reads the payload and writes the response body into the buffer.</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromBytes(Func<ReadOnlyMemory<byte>, IBufferWriter<byte>, ILambdaContext, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new BytesLambdaHandler(handler);
    }

    /// <summary>
    /// Creates a handler that works on streams, like a <c>Stream</c> handler of the managed .NET runtime.
    /// </summary>
    /// <param name="handler">Reads the event stream and returns the response stream (<see cref="Stream.Null"/> for no body).</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromStream(Func<Stream, ILambdaContext, Task<Stream>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new StreamLambdaHandler(handler);
    }

    /// <summary>
    /// Creates a handler of a JSON event and a JSON response, with source-generated serialization.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="handler">Handles the event and returns the response.</param>
    /// <param name="eventType">The JSON metadata of the event type, e.g. <c>MyJsonContext.Default.MyEvent</c>.</param>
    /// <param name="responseType">The JSON metadata of the response type.</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromJson<TEvent, TResponse>(
        Func<TEvent, ILambdaContext, Task<TResponse>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResponse> responseType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(responseType);
        return new JsonLambdaHandler<TEvent, TResponse>(handler, eventType, responseType);
    }

    /// <summary>
    /// Creates a handler of a JSON event that returns no body.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">Handles the event.</param>
    /// <param name="eventType">The JSON metadata of the event type.</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromJson<TEvent>(Func<TEvent, ILambdaContext, Task> handler, JsonTypeInfo<TEvent> eventType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(eventType);
        return new JsonEventLambdaHandler<TEvent>(handler, eventType);
    }

    /// <summary>
    /// Creates a handler of DynamoDB stream batches that reports batch item failures.
    /// </summary>
    /// <param name="handler">Processes the records; returns the failed ones (an empty response for success).</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler ForDynamoDBStream(Func<DynamoDBEvent, ILambdaContext, Task<StreamsEventResponse>> handler) =>
        FromJson(handler, DynamoDBEventJsonContext.Wire.DynamoDBEvent, DynamoDBEventJsonContext.Wire.StreamsEventResponse);

    /// <summary>
    /// Creates a handler of DynamoDB stream batches aggregated in tumbling windows.
    /// </summary>
    /// <param name="handler">Processes the records and returns the window's new state.</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler ForDynamoDBTimeWindow(Func<DynamoDBTimeWindowEvent, ILambdaContext, Task<DynamoDBTimeWindowResponse>> handler) =>
        FromJson(handler, DynamoDBEventJsonContext.Wire.DynamoDBTimeWindowEvent, DynamoDBEventJsonContext.Wire.DynamoDBTimeWindowResponse);
}
