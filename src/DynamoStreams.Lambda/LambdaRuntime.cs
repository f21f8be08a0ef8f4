using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using DynamoStreams.Lambda.DynamoDBEvents;

namespace DynamoStreams.Lambda;

/// <summary>
/// Runs a function handler against the Lambda Runtime API named by <c>AWS_LAMBDA_RUNTIME_API</c>: the same
/// executable serves invocations in AWS Lambda (<c>provided.al2023</c>, or the managed .NET runtime as an executable
/// assembly) and locally behind the DynamoStreams Runtime API host.
/// </summary>
/// <remarks>
/// Every overload returns the process exit code: 0 after a shutdown signal (SIGTERM, SIGINT) or cancellation, 1 after
/// an initialization error (reported to <c>/runtime/init/error</c>) or a fatal Runtime API error. Return it from
/// <c>Main</c>. Exceptions thrown by the handler are reported to <c>/runtime/invocation/{id}/error</c> and the loop
/// continues.
/// </remarks>
/// <example>
/// <code>
/// return await LambdaRuntime.RunAsync(_ =>
/// {
///     var table = Environment.GetEnvironmentVariable("TOTALS_TABLE_NAME") ?? throw new InvalidOperationException("Set TOTALS_TABLE_NAME.");
///     var handler = new OrderTotalsHandler(new DynamoDBCustomerTotals(new AmazonDynamoDBClient(), table));
///     return Task.FromResult(LambdaHandler.ForDynamoDBStream(handler.HandleAsync));
/// });
/// </code>
/// </example>
public static class LambdaRuntime
{
    /// <summary>
    /// Initializes a handler, then serves invocations with it. An exception from <paramref name="initialize"/> is
    /// reported as an init error (the first invocation fails with it) and the method returns 1.
    /// </summary>
    /// <param name="initialize">Builds the handler and its dependencies; runs once, before the first invocation.</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<CancellationToken, Task<LambdaHandler>> initialize, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        return new LambdaBootstrap(options ?? new LambdaRuntimeOptions()).RunAsync(initialize, cancellationToken);
    }

    /// <summary>
    /// Serves invocations with a handler.
    /// </summary>
    /// <param name="handler">The handler.</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(LambdaHandler handler, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(_ => Task.FromResult(handler), options, cancellationToken);
    }

    /// <summary>
    /// Serves DynamoDB stream batches; the response reports batch item failures.
    /// </summary>
    /// <param name="handler">Processes a batch and returns the failed records (an empty response for success).</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<DynamoDBEvent, ILambdaContext, Task<StreamsEventResponse>> handler, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(LambdaHandler.ForDynamoDBStream(handler), options, cancellationToken);

    /// <summary>
    /// Serves DynamoDB stream batches of a tumbling window.
    /// </summary>
    /// <param name="handler">Processes a batch and returns the window's new state.</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<DynamoDBTimeWindowEvent, ILambdaContext, Task<DynamoDBTimeWindowResponse>> handler, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(LambdaHandler.ForDynamoDBTimeWindow(handler), options, cancellationToken);

    /// <summary>
    /// Serves invocations with a JSON event and a JSON response, serialized with source-generated metadata.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="handler">Handles an event.</param>
    /// <param name="eventType">The JSON metadata of the event type.</param>
    /// <param name="responseType">The JSON metadata of the response type.</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync<TEvent, TResponse>(
        Func<TEvent, ILambdaContext, Task<TResponse>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResponse> responseType,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(LambdaHandler.FromJson(handler, eventType, responseType), options, cancellationToken);

    /// <summary>
    /// Serves invocations with a JSON event and no response body.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">Handles an event.</param>
    /// <param name="eventType">The JSON metadata of the event type.</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync<TEvent>(Func<TEvent, ILambdaContext, Task> handler, JsonTypeInfo<TEvent> eventType, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(LambdaHandler.FromJson(handler, eventType), options, cancellationToken);

    /// <summary>
    /// Serves invocations with a stream handler.
    /// </summary>
    /// <param name="handler">Reads the event stream and returns the response stream.</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<Stream, ILambdaContext, Task<Stream>> handler, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(LambdaHandler.FromStream(handler), options, cancellationToken);

    /// <summary>
    /// Serves invocations with a raw-bytes handler, the form with the least overhead.
    /// </summary>
    /// <param name="handler">Reads the payload and writes the response body into the buffer.</param>
    /// <param name="options">The runtime options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<ReadOnlyMemory<byte>, IBufferWriter<byte>, ILambdaContext, ValueTask> handler, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(LambdaHandler.FromBytes(handler), options, cancellationToken);
}
