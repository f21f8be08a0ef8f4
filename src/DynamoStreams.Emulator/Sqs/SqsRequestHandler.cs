using System.Buffers;
using System.Text.Json;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Serves the SQS JSON protocol (<c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>): parses the body, runs the
/// operation on the <see cref="SqsQueueStore"/> and writes the response or a query-compatible error.
/// </summary>
public sealed class SqsRequestHandler
{
    /// <summary>The <c>X-Amz-Target</c> prefix this handler serves.</summary>
    public const string TargetPrefix = "AmazonSQS";

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

    /// <summary>Runs one operation.</summary>
    /// <param name="operation">The part of the target after <c>AmazonSQS.</c>.</param>
    /// <param name="body">The UTF-8 JSON request body.</param>
    /// <param name="context">The region and base URL of the request.</param>
    /// <param name="cancellationToken">Cancels a long poll when the client goes away.</param>
    /// <returns>The response to send.</returns>
    public async Task<SqsResponse> HandleAsync(string operation, ReadOnlyMemory<byte> body, SqsRequestContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            using var document = Parse(body);
            var request = new SqsJsonRequest(document.RootElement);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                await RunAsync(operation, request, context, writer, cancellationToken).ConfigureAwait(false);
                writer.WriteEndObject();
            }

            return new SqsResponse(200, buffer.WrittenSpan.ToArray(), null);
        }
        catch (SqsException error)
        {
            return Error(error);
        }
    }

    /// <summary>Writes an SQS error as the JSON protocol carries it.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The response.</returns>
    public static SqsResponse Error(SqsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["__type"] = error.ErrorType,
            ["message"] = error.Message,
        });
        return new SqsResponse(error.StatusCode, body, error.QueryErrorHeader);
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

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw SqsErrors.MalformedRequest("the body must be a JSON object.");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw SqsErrors.MalformedRequest(ex.Message);
        }
    }
}
