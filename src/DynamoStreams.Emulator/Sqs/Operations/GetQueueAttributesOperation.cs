using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.GetQueueAttributes</c>: the requested attributes of a queue, with its message counts.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class GetQueueAttributesOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("GetQueueAttributes", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var queue = Resolve(request, context);
        var requested = request.StringList("AttributeNames");
        var all = BuildAttributes(queue);
        var names = requested.Contains("All") ? all.Keys.ToList() : requested.Distinct().ToList();
        response.WriteStartObject("Attributes");
        foreach (var name in names)
        {
            if (all.TryGetValue(name, out var value))
            {
                response.WriteString(name, value);
            }
            else if (!IsKnownUnsetAttribute(name))
            {
                throw SqsErrors.InvalidAttributeName(name);
            }
        }

        response.WriteEndObject();
        return Task.CompletedTask;
    }

    private Dictionary<string, string> BuildAttributes(SqsQueue queue)
    {
        var now = Store.TimeProvider.GetUtcNow();
        var (visible, inFlight, delayed) = queue.Count(now);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["QueueArn"] = queue.Arn,
            ["ApproximateNumberOfMessages"] = visible.ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesNotVisible"] = inFlight.ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesDelayed"] = delayed.ToString(CultureInfo.InvariantCulture),
            ["CreatedTimestamp"] = queue.CreatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["LastModifiedTimestamp"] = queue.LastModifiedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in queue.SnapshotAttributes())
        {
            if (value.Length > 0)
            {
                attributes[name] = value;
            }
        }

        return attributes;
    }

    private static bool IsKnownUnsetAttribute(string name) => name is "RedrivePolicy" or "RedriveAllowPolicy" or "Policy"
        or "KmsMasterKeyId" or "KmsDataKeyReusePeriodSeconds" or "FifoQueue" or "ContentBasedDeduplication"
        or "DeduplicationScope" or "FifoThroughputLimit";
}
