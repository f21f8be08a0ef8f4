using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Base of the SQS operations: serves <c>AmazonSQS.&lt;Name&gt;</c> over the <see cref="SqsQueueStore"/>, with queue URLs
/// built from the host the client used, and writes the action's members into one response object.
/// </summary>
internal abstract class SqsOperation : IAwsJsonOperation
{
    private readonly CurrentRequest _httpContext;

    /// <summary>Initializes the operation.</summary>
    /// <param name="name">The operation name, for example <c>SendMessage</c>.</param>
    /// <param name="store">The queues.</param>
    /// <param name="httpContext">The accessor of the current request.</param>
    protected SqsOperation(string name, SqsQueueStore store, CurrentRequest httpContext)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        _httpContext = httpContext;
        Target = SqsService.Prefix + "." + name;
    }

    /// <inheritdoc/>
    public string Target { get; }

    /// <summary>Gets the queues.</summary>
    protected SqsQueueStore Store { get; }

    /// <inheritdoc/>
    public ValueTask ExecuteAsync(AwsRequest request, Utf8JsonWriter response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // SQS sends no x-amz-crc32, and the SQS SDK checks one if present against only the bytes it read, which
        // for bodiless results such as DeleteMessage is none; so drop the header the shared dispatcher adds.
        _httpContext.HttpContext?.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.Remove("x-amz-crc32");
            return Task.CompletedTask;
        }, _httpContext.HttpContext.Response);
        var host = request.Headers.Host.ToString();
        var context = new SqsRequestContext(request.Region, "http://" + (host.Length > 0 ? host : "localhost"));
        return WriteResponseAsync(request.Body, context, response, cancellationToken);
    }

    /// <summary>Runs the action and writes its members into the open response object.</summary>
    /// <param name="request">The request's members.</param>
    /// <param name="context">The region and base URL of the request.</param>
    /// <param name="response">The writer of the response object.</param>
    /// <param name="cancellationToken">Cancels a long poll when the client goes away.</param>
    /// <returns>A task that completes when the members are written.</returns>
    /// <exception cref="SqsException">The request fails.</exception>
    protected abstract Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken);

    /// <summary>Finds the queue the request's <c>QueueUrl</c> names.</summary>
    /// <param name="request">The request's members.</param>
    /// <param name="context">The region of the request.</param>
    /// <returns>The queue.</returns>
    protected SqsQueue Resolve(SqsJsonRequest request, SqsRequestContext context) =>
        Store.GetByUrl(context.Region, request.RequiredString("QueueUrl"));

    /// <summary>Builds a queue's URL on the host the client used.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="context">The base URL of the request.</param>
    /// <returns>The queue URL.</returns>
    protected static string QueueUrl(SqsQueue queue, SqsRequestContext context) => $"{context.BaseUrl}/{queue.AccountId}/{queue.Name}";

    private async ValueTask WriteResponseAsync(JsonElement body, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.WriteStartObject();
        await RunAsync(new SqsJsonRequest(body), context, response, cancellationToken).ConfigureAwait(false);
        response.WriteEndObject();
    }
}
