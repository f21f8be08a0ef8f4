using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ListQueueTags</c>: the tags of a queue.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class ListQueueTagsOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("ListQueueTags", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        lock (queue.Tags)
        {
            if (queue.Tags.Count == 0)
            {
                return Task.CompletedTask;
            }

            response.WriteStartObject("Tags");
            foreach (var (key, value) in queue.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                response.WriteString(key, value);
            }

            response.WriteEndObject();
        }

        return Task.CompletedTask;
    }
}
