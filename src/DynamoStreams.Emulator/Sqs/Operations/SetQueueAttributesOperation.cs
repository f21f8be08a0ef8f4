using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.SetQueueAttributes</c>: validates and sets attributes of a queue.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class SetQueueAttributesOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("SetQueueAttributes", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        var attributes = request.StringMap("Attributes");
        foreach (var (name, value) in attributes)
        {
            SqsQueueAttributes.Validate(name, value);
        }

        queue.SetAttributes(attributes, Store.TimeProvider.GetUtcNow());
        return Task.CompletedTask;
    }
}
