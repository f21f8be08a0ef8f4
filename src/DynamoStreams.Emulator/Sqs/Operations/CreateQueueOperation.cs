using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.CreateQueue</c>: creates a standard queue and answers its URL.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class CreateQueueOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("CreateQueue", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var name = request.RequiredString("QueueName");
        var queue = Store.Create(context.Region, name, request.StringMap("Attributes"), request.StringMap("tags"));
        response.WriteString("QueueUrl", QueueUrl(queue, context));
        return Task.CompletedTask;
    }
}
