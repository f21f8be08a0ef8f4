using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ChangeMessageVisibilityBatch</c>: changes the visibility timeouts of up to 10 received messages.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class ChangeMessageVisibilityBatchOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("ChangeMessageVisibilityBatch", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        SqsBatch.Write(response, SqsBatch.Validate(request, "Entries"), entry =>
        {
            ChangeMessageVisibilityOperation.ChangeVisibility(Store, queue, entry);
            return static _ => { };
        });

        return Task.CompletedTask;
    }
}
