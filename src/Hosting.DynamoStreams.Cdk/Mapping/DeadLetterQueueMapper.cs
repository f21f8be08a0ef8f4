using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Mapping;

/// <summary>Maps the declaration's dead-letter-queue options to CDK queue props.</summary>
internal static class DeadLetterQueueMapper
{
    /// <summary>Returns the queue props, or null when nothing was customized (the construct's defaults apply).</summary>
    public static QueueProps? ToProps(SqsDlqQueueOptions queue)
    {
        if (queue.QueueName is null && queue.RetentionPeriod is null && queue.VisibilityTimeout is null
            && queue.DeliveryDelay is null && queue.ReceiveMessageWaitTime is null)
        {
            return null;
        }

        var props = new QueueProps();
        if (queue.QueueName is { } name)
        {
            props.QueueName = name;
        }

        if (queue.RetentionPeriod is { } retention)
        {
            props.RetentionPeriod = Duration.Seconds(retention.TotalSeconds);
        }

        if (queue.VisibilityTimeout is { } visibility)
        {
            props.VisibilityTimeout = Duration.Seconds(visibility.TotalSeconds);
        }

        if (queue.DeliveryDelay is { } delay)
        {
            props.DeliveryDelay = Duration.Seconds(delay.TotalSeconds);
        }

        if (queue.ReceiveMessageWaitTime is { } wait)
        {
            props.ReceiveMessageWaitTime = Duration.Seconds(wait.TotalSeconds);
        }

        return props;
    }
}
