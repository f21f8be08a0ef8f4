using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Creates a pattern's dead-letter queue in the emulator from the declaration (CreateQueue is idempotent for equal attributes).
/// </summary>
internal static class QueueProvisioner
{
    /// <summary>
    /// Creates the queue (or finds it) and returns its URL and ARN.
    /// </summary>
    /// <param name="client">A client of the emulator.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="logger">The queue resource's logger.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The queue URL and ARN.</returns>
    public static async Task<LocalQueueInfo> EnsureAsync(IAmazonSQS client, DynamoStreamsLambdaResource pattern, ILogger logger, CancellationToken cancellationToken)
    {
        var q = pattern.DeadLetterQueue;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string name, TimeSpan? value)
        {
            if (value is { } v)
            {
                attributes[name] = ((long)v.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
        }

        Set(QueueAttributeName.MessageRetentionPeriod, q.RetentionPeriod);
        Set(QueueAttributeName.VisibilityTimeout, q.VisibilityTimeout);
        Set(QueueAttributeName.DelaySeconds, q.DeliveryDelay);
        Set(QueueAttributeName.ReceiveMessageWaitTimeSeconds, q.ReceiveMessageWaitTime);

        var created = await client.CreateQueueAsync(new CreateQueueRequest { QueueName = pattern.LocalQueueName, Attributes = attributes }, cancellationToken).ConfigureAwait(false);
        var arn = await client.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = created.QueueUrl,
            AttributeNames = [QueueAttributeName.QueueArn],
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Dead-letter queue {Queue} is ready at {Url}.", pattern.LocalQueueName, created.QueueUrl);
        return new LocalQueueInfo(created.QueueUrl, arn.QueueARN);
    }
}
