using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.PurgeQueue</c>: deletes every message of a queue.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class PurgeQueueOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("PurgeQueue", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        Resolve(request, context).Purge(Store.TimeProvider.GetUtcNow());
        return Task.CompletedTask;
    }
}
