using System.Collections.Concurrent;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Destinations;

/// <summary>
/// Sends OnFailure documents to SQS queues through AWSSDK.SQS, so any SQS endpoint works: the emulator's, or a real
/// queue. The queue ARN (<c>arn:aws:sqs:region:account:name</c>) is resolved to its URL with GetQueueUrl.
/// </summary>
/// <param name="sqs">The SQS client (its endpoint decides where documents go).</param>
public sealed class SqsFailureDestination(IAmazonSQS sqs) : IFailureDestination
{
    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task SendAsync(string destinationArn, string document, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationArn);
        if (!_urls.TryGetValue(destinationArn, out var url))
        {
            var parts = destinationArn.Split(':');
            if (parts is not ["arn", _, "sqs", _, var account, var name])
            {
                throw new ArgumentException($"'{destinationArn}' is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>).", nameof(destinationArn));
            }

            var response = await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = name, QueueOwnerAWSAccountId = account }, cancellationToken).ConfigureAwait(false);
            url = _urls[destinationArn] = response.QueueUrl;
        }

        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = document }, cancellationToken).ConfigureAwait(false);
    }
}
