using System.Text.Json;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Runs the SQS JSON protocol operations (<c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>) on the
/// <see cref="SqsQueueStore"/>, writing the response object or throwing an <see cref="SqsException"/>.
/// </summary>
public sealed class SqsRequestHandler
{
    private readonly SqsQueueOperations _queues;
    private readonly SqsMessageOperations _messages;

    /// <summary>Creates a handler over a queue store.</summary>
    /// <param name="store">The queues.</param>
    public SqsRequestHandler(SqsQueueStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _queues = new SqsQueueOperations(store);
        _messages = new SqsMessageOperations(store);
    }

    /// <summary>Gets the operation names served.</summary>
    public static IReadOnlyList<string> OperationNames { get; } =
    [
        "CreateQueue", "GetQueueUrl", "ListQueues", "DeleteQueue", "GetQueueAttributes", "SetQueueAttributes", "PurgeQueue",
        "TagQueue", "UntagQueue", "ListQueueTags", "SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage",
        "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
    ];

    /// <summary>Runs one operation and writes its response object.</summary>
    /// <param name="operation">The part of the target after <c>AmazonSQS.</c>.</param>
    /// <param name="body">The request body (an object).</param>
    /// <param name="context">The region and base URL of the request.</param>
    /// <param name="writer">The writer of the response body.</param>
    /// <param name="cancellationToken">Cancels a long poll when the client goes away.</param>
    /// <returns>A task that completes when the response is written.</returns>
    /// <exception cref="SqsException">The request fails.</exception>
    public async ValueTask ExecuteAsync(string operation, JsonElement body, SqsRequestContext context, Utf8JsonWriter writer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        await RunAsync(operation, new SqsJsonRequest(body), context, writer, cancellationToken).ConfigureAwait(false);
        writer.WriteEndObject();
    }

    private Task RunAsync(string operation, SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer,
        CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case "CreateQueue": _queues.CreateQueue(request, context, writer); break;
            case "GetQueueUrl": _queues.GetQueueUrl(request, context, writer); break;
            case "ListQueues": _queues.ListQueues(request, context, writer); break;
            case "DeleteQueue": _queues.DeleteQueue(request, context); break;
            case "GetQueueAttributes": _queues.GetQueueAttributes(request, context, writer); break;
            case "SetQueueAttributes": _queues.SetQueueAttributes(request, context); break;
            case "PurgeQueue": _queues.PurgeQueue(request, context); break;
            case "TagQueue": _queues.TagQueue(request, context); break;
            case "UntagQueue": _queues.UntagQueue(request, context); break;
            case "ListQueueTags": _queues.ListQueueTags(request, context, writer); break;
            case "SendMessage": _messages.SendMessage(request, context, writer); break;
            case "SendMessageBatch": _messages.SendMessageBatch(request, context, writer); break;
            case "ReceiveMessage": return _messages.ReceiveMessageAsync(request, context, writer, cancellationToken);
            case "DeleteMessage": _messages.DeleteMessage(request, context); break;
            case "DeleteMessageBatch": _messages.DeleteMessageBatch(request, context, writer); break;
            case "ChangeMessageVisibility": _messages.ChangeMessageVisibility(request, context); break;
            case "ChangeMessageVisibilityBatch": _messages.ChangeMessageVisibilityBatch(request, context, writer); break;
            default: throw SqsErrors.InvalidAction(operation);
        }

        return Task.CompletedTask;
    }
}
