using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Implements the message-level SQS operations: send, receive (with long polling), delete and visibility
/// changes, single and batched.
/// </summary>
internal sealed class SqsMessageOperations(SqsQueueStore store)
{
    private const int MaxBatchEntries = 10;

    public void SendMessage(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var queue = Resolve(request, context);
        var message = Send(queue, request);
        WriteSendResult(writer, message);
    }

    public void SendMessageBatch(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var queue = Resolve(request, context);
        var entries = ValidateBatch(request, "Entries");
        var limit = queue.GetIntAttribute(SqsQueueAttributes.MaximumMessageSize);
        var total = entries.Sum(e => System.Text.Encoding.UTF8.GetByteCount(e.OptionalString("MessageBody") ?? string.Empty));
        if (total > limit)
        {
            throw SqsErrors.BatchRequestTooLong(limit);
        }

        WriteBatch(writer, entries, entry =>
        {
            var message = Send(queue, entry);
            return w => WriteSendResult(w, message);
        });
    }

    public async Task ReceiveMessageAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        var max = request.OptionalInt("MaxNumberOfMessages") ?? 1;
        if (max is < 1 or > 10)
        {
            throw SqsErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value {max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided."));
        }

        var visibility = request.OptionalInt("VisibilityTimeout");
        if (visibility is < 0 or > 43_200)
        {
            throw SqsErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value {visibility} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided."));
        }

        var wait = request.OptionalInt("WaitTimeSeconds") ?? queue.GetIntAttribute(SqsQueueAttributes.ReceiveMessageWaitTimeSeconds);
        if (wait is < 0 or > 20)
        {
            throw SqsErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value {wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided."));
        }

        var systemNames = request.StringList("MessageSystemAttributeNames").Concat(request.StringList("AttributeNames")).ToHashSet(StringComparer.Ordinal);
        var attributeNames = request.StringList("MessageAttributeNames");
        var messages = await store.ReceiveAsync(queue, max, visibility, TimeSpan.FromSeconds(wait), cancellationToken).ConfigureAwait(false);

        writer.WriteStartArray("Messages");
        foreach (var message in messages)
        {
            WriteReceived(writer, message, systemNames, attributeNames);
        }

        writer.WriteEndArray();
    }

    public void DeleteMessage(SqsJsonRequest request, SqsRequestContext context) =>
        Resolve(request, context).Delete(request.RequiredString("ReceiptHandle"));

    public void DeleteMessageBatch(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var queue = Resolve(request, context);
        WriteBatch(writer, ValidateBatch(request, "Entries"), entry =>
        {
            queue.Delete(entry.RequiredString("ReceiptHandle"));
            return static _ => { };
        });
    }

    public void ChangeMessageVisibility(SqsJsonRequest request, SqsRequestContext context)
    {
        var queue = Resolve(request, context);
        ChangeVisibility(queue, request);
    }

    public void ChangeMessageVisibilityBatch(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var queue = Resolve(request, context);
        WriteBatch(writer, ValidateBatch(request, "Entries"), entry =>
        {
            ChangeVisibility(queue, entry);
            return static _ => { };
        });
    }

    private void ChangeVisibility(SqsQueue queue, SqsJsonRequest request)
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

    private SqsMessage Send(SqsQueue queue, SqsJsonRequest request)
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

    private SqsQueue Resolve(SqsJsonRequest request, SqsRequestContext context) =>
        store.GetByUrl(context.Region, request.RequiredString("QueueUrl"));

    private static List<SqsJsonRequest> ValidateBatch(SqsJsonRequest request, string name)
    {
        var entries = request.Entries(name).ToList();
        if (entries.Count == 0)
        {
            throw SqsErrors.EmptyBatchRequest();
        }

        if (entries.Count > MaxBatchEntries)
        {
            throw SqsErrors.TooManyEntriesInBatchRequest(entries.Count);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var id = entry.OptionalString("Id") ?? throw SqsErrors.MissingParameter($"{name}.member.Id");
            if (id.Length is 0 or > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw SqsErrors.InvalidBatchEntryId(id);
            }

            if (!seen.Add(id))
            {
                throw SqsErrors.BatchEntryIdsNotDistinct(id);
            }
        }

        return entries;
    }

    /// <summary>Runs each entry; an entry's SQS error becomes a <c>Failed</c> element, as batch operations report.</summary>
    private static void WriteBatch(Utf8JsonWriter writer, List<SqsJsonRequest> entries, Func<SqsJsonRequest, Action<Utf8JsonWriter>> run)
    {
        var failed = new List<(string Id, SqsException Error)>();
        writer.WriteStartArray("Successful");
        foreach (var entry in entries)
        {
            Action<Utf8JsonWriter> write;
            try
            {
                write = run(entry);
            }
            catch (SqsException error)
            {
                failed.Add((entry.OptionalString("Id")!, error));
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("Id", entry.OptionalString("Id"));
            write(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("Failed");
        foreach (var (id, error) in failed)
        {
            writer.WriteStartObject();
            writer.WriteString("Id", id);
            writer.WriteBoolean("SenderFault", error.SenderFault);
            writer.WriteString("Code", error.QueryCode);
            writer.WriteString("Message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteSendResult(Utf8JsonWriter writer, SqsMessage message)
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

    private static void WriteReceived(Utf8JsonWriter writer, SqsReceivedMessage message, HashSet<string> systemNames,
        IReadOnlyList<string> attributeNames)
    {
        writer.WriteStartObject();
        writer.WriteString("MessageId", message.MessageId);
        writer.WriteString("ReceiptHandle", message.ReceiptHandle);
        writer.WriteString("MD5OfBody", message.Md5OfBody);
        writer.WriteString("Body", message.Body);
        var system = message.SystemAttributes.Where(a => systemNames.Contains("All") || systemNames.Contains(a.Key)).ToList();
        if (system.Count > 0)
        {
            writer.WriteStartObject("Attributes");
            foreach (var (name, value) in system)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        var selected = message.MessageAttributes.Where(a => IsSelected(a.Key, attributeNames))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        if (selected.Count > 0)
        {
            writer.WriteString("MD5OfMessageAttributes", SqsMd5.OfAttributes(selected));
            writer.WriteStartObject("MessageAttributes");
            foreach (var (name, attribute) in selected)
            {
                writer.WriteStartObject(name);
                writer.WriteString("DataType", attribute.DataType);
                if (attribute.IsBinary)
                {
                    writer.WriteBase64String("BinaryValue", attribute.BinaryValue);
                }
                else
                {
                    writer.WriteString("StringValue", attribute.StringValue);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static bool IsSelected(string name, IReadOnlyList<string> requested) =>
        requested.Any(r => r is "All" or ".*" || r == name
            || r.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(r[..^1], StringComparison.Ordinal));
}
