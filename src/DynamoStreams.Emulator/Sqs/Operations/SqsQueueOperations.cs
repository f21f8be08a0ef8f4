using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Implements the queue-level SQS operations: create, look up, list, delete, attributes, purge and tags.
/// </summary>
internal sealed class SqsQueueOperations(SqsQueueStore store)
{
    public void CreateQueue(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var name = request.RequiredString("QueueName");
        var queue = store.Create(context.Region, name, request.StringMap("Attributes"), request.StringMap("tags"));
        writer.WriteString("QueueUrl", UrlOf(queue, context));
    }

    public void GetQueueUrl(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var name = request.RequiredString("QueueName");
        if (request.OptionalString("QueueOwnerAWSAccountId") is { } owner && owner != store.AccountId)
        {
            throw SqsErrors.QueueDoesNotExist();
        }

        writer.WriteString("QueueUrl", UrlOf(store.GetByName(context.Region, name), context));
    }

    public void ListQueues(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var max = request.OptionalInt("MaxResults");
        if (max is < 1 or > 1000)
        {
            throw SqsErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value {max} for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000."));
        }

        var queues = store.List(context.Region, request.OptionalString("QueueNamePrefix"));
        var start = 0;
        if (request.OptionalString("NextToken") is { Length: > 0 } token)
        {
            start = queues.Count(q => string.CompareOrdinal(q.Name, DecodeToken(token)) <= 0);
        }

        var page = queues.Skip(start).Take(max ?? 1000).ToList();
        writer.WriteStartArray("QueueUrls");
        foreach (var queue in page)
        {
            writer.WriteStringValue(UrlOf(queue, context));
        }

        writer.WriteEndArray();
        if (max is not null && start + page.Count < queues.Count)
        {
            writer.WriteString("NextToken", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(page[^1].Name)));
        }
    }

    public void DeleteQueue(SqsJsonRequest request, SqsRequestContext context) => store.Delete(Resolve(request, context));

    public void GetQueueAttributes(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var queue = Resolve(request, context);
        var requested = request.StringList("AttributeNames");
        var all = BuildAttributes(queue);
        var names = requested.Contains("All") ? all.Keys.ToList() : requested.Distinct().ToList();
        writer.WriteStartObject("Attributes");
        foreach (var name in names)
        {
            if (all.TryGetValue(name, out var value))
            {
                writer.WriteString(name, value);
            }
            else if (!IsKnownUnsetAttribute(name))
            {
                throw SqsErrors.InvalidAttributeName(name);
            }
        }

        writer.WriteEndObject();
    }

    public void SetQueueAttributes(SqsJsonRequest request, SqsRequestContext context)
    {
        var queue = Resolve(request, context);
        var attributes = request.StringMap("Attributes");
        foreach (var (name, value) in attributes)
        {
            SqsQueueAttributes.Validate(name, value);
        }

        queue.SetAttributes(attributes, store.TimeProvider.GetUtcNow());
    }

    public void PurgeQueue(SqsJsonRequest request, SqsRequestContext context) =>
        Resolve(request, context).Purge(store.TimeProvider.GetUtcNow());

    public void TagQueue(SqsJsonRequest request, SqsRequestContext context)
    {
        var queue = Resolve(request, context);
        var tags = request.StringMap("Tags");
        queue.ChangeTags(current =>
        {
            foreach (var (key, value) in tags)
            {
                current[key] = value;
            }
        });
    }

    public void UntagQueue(SqsJsonRequest request, SqsRequestContext context)
    {
        var queue = Resolve(request, context);
        var keys = request.StringList("TagKeys");
        queue.ChangeTags(current =>
        {
            foreach (var key in keys)
            {
                current.Remove(key);
            }
        });
    }

    public void ListQueueTags(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter writer)
    {
        var queue = Resolve(request, context);
        lock (queue.Tags)
        {
            if (queue.Tags.Count == 0)
            {
                return;
            }

            writer.WriteStartObject("Tags");
            foreach (var (key, value) in queue.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }
    }

    internal static string UrlOf(SqsQueue queue, SqsRequestContext context) => $"{context.BaseUrl}/{queue.AccountId}/{queue.Name}";

    private SqsQueue Resolve(SqsJsonRequest request, SqsRequestContext context) =>
        store.GetByUrl(context.Region, request.RequiredString("QueueUrl"));

    private Dictionary<string, string> BuildAttributes(SqsQueue queue)
    {
        var now = store.TimeProvider.GetUtcNow();
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

    private static string DecodeToken(string token)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw SqsErrors.InvalidParameterValue("Invalid NextToken value.");
        }
    }
}
