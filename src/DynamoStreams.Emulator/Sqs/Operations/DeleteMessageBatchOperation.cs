using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.DeleteMessageBatch</c>: deletes up to 10 received messages.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class DeleteMessageBatchOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("DeleteMessageBatch", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        SqsBatch.Write(response, SqsBatch.Validate(request, "Entries"), entry =>
        {
            queue.Delete(entry.RequiredString("ReceiptHandle"));
            return static _ => { };
        });

        return Task.CompletedTask;
    }
}
