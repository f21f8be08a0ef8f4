using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ListQueues</c>: a page of the region's queue URLs, optionally by name prefix.</summary>
/// <param name="store">The queues.</param>
/// <param name="httpContext">The accessor of the current request.</param>
internal sealed class ListQueuesOperation(SqsQueueStore store, CurrentRequest httpContext)
    : SqsOperation("ListQueues", store, httpContext)
{
    /// <inheritdoc/>
    protected override Task RunAsync(SqsJsonRequest request, SqsRequestContext context, Utf8JsonWriter response,
        CancellationToken cancellationToken)
    {
        var max = request.OptionalInt("MaxResults");
        if (max is < 1 or > 1000)
        {
            throw SqsErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value {max} for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000."));
        }

        var queues = Store.List(context.Region, request.OptionalString("QueueNamePrefix"));
        var start = 0;
        if (request.OptionalString("NextToken") is { Length: > 0 } token)
        {
            start = queues.Count(q => string.CompareOrdinal(q.Name, DecodeToken(token)) <= 0);
        }

        var page = queues.Skip(start).Take(max ?? 1000).ToList();
        response.WriteStartArray("QueueUrls");
        foreach (var queue in page)
        {
            response.WriteStringValue(QueueUrl(queue, context));
        }

        response.WriteEndArray();
        if (max is not null && start + page.Count < queues.Count)
        {
            response.WriteString("NextToken", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(page[^1].Name)));
        }

        return Task.CompletedTask;
    }

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
