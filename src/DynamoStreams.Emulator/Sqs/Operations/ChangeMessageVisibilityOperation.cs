using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ChangeMessageVisibility</c>: changes the visibility timeout of a received message.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class ChangeMessageVisibilityOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("ChangeMessageVisibility", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        ChangeVisibility(Store, queue, request);
        return Task.CompletedTask;
    }

    /// <summary>Validates an entry's receipt handle and timeout and changes the message's visibility (also for the batch).</summary>
    internal static void ChangeVisibility(SqsQueueStore store, SqsQueue queue, SqsJsonRequest request)
    {
        var handle = request.RequiredString("ReceiptHandle");
        var timeout = request.OptionalInt("VisibilityTimeout") ?? throw SqsErrors.MissingParameter("VisibilityTimeout");
        if (timeout is < 0 or > 43_200)
        {
            throw SqsErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value {timeout} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided."));
        }

        queue.ChangeVisibility(handle, timeout, store.TimeProvider.GetUtcNow());
    }
}
