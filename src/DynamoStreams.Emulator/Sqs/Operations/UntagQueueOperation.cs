using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.UntagQueue</c>: removes tags of a queue.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class UntagQueueOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("UntagQueue", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        var keys = request.StringList("TagKeys");
        queue.ChangeTags(current =>
        {
            foreach (var key in keys)
            {
                current.Remove(key);
            }
        });

        return Task.CompletedTask;
    }
}
