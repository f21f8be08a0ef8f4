using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.SendMessage</c>: sends one message.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class SendMessageOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("SendMessage", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        var message = Send(Store, queue, request);
        WriteResult(response, message);
        return Task.CompletedTask;
    }

    /// <summary>Validates one message entry and sends it (also for the batch).</summary>
    internal static SqsMessage Send(SqsQueueStore store, SqsQueue queue, SqsJsonRequest request)
    {
        var body = request.OptionalString("MessageBody") ?? throw SqsErrors.MissingParameter("MessageBody");
        if (request.OptionalString("MessageGroupId") is not null || request.OptionalString("MessageDeduplicationId") is not null)
        {
            throw SqsErrors.InvalidParameterValue(
                "The request include parameter that is not valid for this queue type. Reason: MessageGroupId and MessageDeduplicationId are FIFO-only.");
        }

        var delay = SqsMessageValidation.ValidateDelay(request.OptionalInt("DelaySeconds"));
        var draft = SqsMessageValidation.CreateDraft(queue, body, request.MessageAttributes("MessageAttributes"),
            request.MessageAttributes("MessageSystemAttributes"), store.AccountId);
        return store.Send(queue, draft, delay);
    }

    /// <summary>Writes the members of a sent message's result.</summary>
    internal static void WriteResult(Utf8JsonWriter writer, SqsMessage message)
    {
        writer.WriteString("MessageId", message.MessageId);
        writer.WriteString("MD5OfMessageBody", message.Md5OfBody);
        if (message.Md5OfMessageAttributes is { } attributesMd5)
        {
            writer.WriteString("MD5OfMessageAttributes", attributesMd5);
        }

        if (message.Md5OfSystemAttributes is { } systemMd5)
        {
            writer.WriteString("MD5OfMessageSystemAttributes", systemMd5);
        }
    }
}
