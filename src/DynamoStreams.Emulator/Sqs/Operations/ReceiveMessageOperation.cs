using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ReceiveMessage</c>: receives up to 10 messages, long-polling up to 20 seconds.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class ReceiveMessageOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("ReceiveMessage", store, httpContext)
{
    /// <inheritdoc/>
    protected override async Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
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
        var messages = await Store.ReceiveAsync(queue, max, visibility, TimeSpan.FromSeconds(wait), cancellationToken).ConfigureAwait(false);

        response.WriteStartArray("Messages");
        foreach (var message in messages)
        {
            WriteReceived(response, message, systemNames, attributeNames);
        }

        response.WriteEndArray();
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
