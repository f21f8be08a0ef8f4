using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.TagQueue</c>: adds or replaces tags of a queue.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class TagQueueOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("TagQueue", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        var tags = request.StringMap("Tags");
        queue.ChangeTags(current =>
        {
            foreach (var (key, value) in tags)
            {
                current[key] = value;
            }
        });

        return Task.CompletedTask;
    }
}
