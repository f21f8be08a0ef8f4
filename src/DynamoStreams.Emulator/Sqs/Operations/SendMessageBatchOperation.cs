using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.SendMessageBatch</c>: sends up to 10 messages, reporting each entry as successful or failed.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class SendMessageBatchOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("SendMessageBatch", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        var entries = SqsBatch.Validate(request, "Entries");
        var limit = queue.GetIntAttribute(SqsQueueAttributes.MaximumMessageSize);
        var total = entries.Sum(e => System.Text.Encoding.UTF8.GetByteCount(e.OptionalString("MessageBody") ?? string.Empty));
        if (total > limit)
        {
            throw SqsErrors.BatchRequestTooLong(limit);
        }

        SqsBatch.Write(response, entries, entry =>
        {
            var message = SendMessageOperation.Send(Store, queue, entry);
            return w => SendMessageOperation.WriteResult(w, message);
        });

        return Task.CompletedTask;
    }
}
