using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.GetQueueUrl</c>: answers the URL of a queue by name.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class GetQueueUrlOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("GetQueueUrl", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var name = request.RequiredString("QueueName");
        if (request.OptionalString("QueueOwnerAWSAccountId") is { } owner && owner != Store.AccountId)
        {
            throw SqsErrors.QueueDoesNotExist();
        }

        response.WriteString("QueueUrl", QueueUrl(Store.GetByName(context.Region, name), context));
        return Task.CompletedTask;
    }
}
