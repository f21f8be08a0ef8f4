using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.DeleteQueue</c>: deletes a queue and its messages.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class DeleteQueueOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("DeleteQueue", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        Store.Delete(Resolve(request, context));
        return Task.CompletedTask;
    }
}
