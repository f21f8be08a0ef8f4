using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Lists a dead-letter queue's failure documents with the stream records each points to (re-read by sequence number
/// while they are in the stream), as Markdown for the dashboard's result dialog: what a user needs to decide whether to
/// redrive. The messages stay in the queue.
/// </summary>
internal static class FailedRecordsReport
{
    private const int MaxMessages = 10;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>
    /// Peeks at the queue's messages and renders them.
    /// </summary>
    /// <param name="sqs">The emulator's SQS client.</param>
    /// <param name="queueUrl">The dead-letter queue.</param>
    /// <param name="mapping">The mapping whose stream the records are in, or null when it is not running.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many messages were shown, and the Markdown.</returns>
    public static async Task<(int Count, string Markdown)> BuildAsync(IAmazonSQS sqs, string queueUrl, ILocalMapping? mapping, CancellationToken cancellationToken)
    {
        // A zero visibility timeout leaves every message visible: this is a look, not a receive.
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = MaxMessages, VisibilityTimeout = 0 }, cancellationToken).ConfigureAwait(false);
        var messages = received.Messages ?? [];
        var markdown = new StringBuilder();
        if (messages.Count == 0)
        {
            markdown.Append("The dead-letter queue is empty: no batch has been discarded.");
            return (0, markdown.ToString());
        }

        for (var i = 0; i < messages.Count; i++)
        {
            await AppendAsync(markdown, i + 1, messages[i].Body, mapping, cancellationToken).ConfigureAwait(false);
        }

        return (messages.Count, markdown.ToString());
    }

    private static async Task AppendAsync(StringBuilder markdown, int number, string body, ILocalMapping? mapping, CancellationToken cancellationToken)
    {
        OnFailureDocument document;
        try
        {
            document = OnFailureDocument.Parse(body);
        }
        catch (FormatException)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"### {number}. Not an OnFailure document\n\n```\n{body}\n```\n\n");
            return;
        }

        markdown.Append(CultureInfo.InvariantCulture,
            $"### {number}. {document.Condition}: {document.BatchSize} record(s) after {document.ApproximateInvokeCount} invocation(s)\n\n");
        markdown.Append(CultureInfo.InvariantCulture,
            $"Shard `{document.ShardId}`, sequence numbers `{document.StartSequenceNumber}` to `{document.EndSequenceNumber}`, discarded {document.Timestamp:u}.\n\n");
        if (mapping is null)
        {
            markdown.Append("The mapping is not running, so the records cannot be re-read.\n\n");
            return;
        }

        var records = await mapping.ReadFailedRecordsAsync(body, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            markdown.Append("The records are no longer in the stream (trimmed after 24 hours); a redrive would find nothing.\n\n");
            return;
        }

        foreach (var record in records)
        {
            using var json = JsonDocument.Parse(record);
            markdown.Append("```json\n").Append(JsonSerializer.Serialize(json.RootElement, s_indented)).Append("\n```\n\n");
        }
    }
}
