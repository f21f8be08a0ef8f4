using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.DeleteMessage</c>: deletes a received message by its receipt handle.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class DeleteMessageOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("DeleteMessage", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        Resolve(request, context).Delete(request.RequiredString("ReceiptHandle"));
        return Task.CompletedTask;
    }
}
