namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes the SQS dead-letter queue that receives the metadata of discarded batches, with the names of CDK's <c>QueueProps</c>.
/// </summary>
public sealed class SqsDlqQueueOptions
{
    /// <summary>Gets or sets the queue name; a standard queue (no <c>.fifo</c>). Locally <c>{pattern}-dlq</c> when null.</summary>
    public string? QueueName { get; set; }

    /// <summary>Gets or sets how long a message is kept, 60 s–14 days (SQS's default 4 days).</summary>
    public TimeSpan? RetentionPeriod { get; set; }

    /// <summary>Gets or sets how long a received message stays hidden, 0–12 hours (SQS's default 30 s).</summary>
    public TimeSpan? VisibilityTimeout { get; set; }

    /// <summary>Gets or sets the delay before a new message is visible, 0–15 min (default 0).</summary>
    public TimeSpan? DeliveryDelay { get; set; }

    /// <summary>Gets or sets how long a receive waits for a message, 0–20 s (default 0).</summary>
    public TimeSpan? ReceiveMessageWaitTime { get; set; }

    /// <summary>Gets whether any property was set (the seed's <c>sqsDlqQueueProps</c> was given).</summary>
    internal bool IsCustomized => QueueName is not null || RetentionPeriod is not null || VisibilityTimeout is not null
        || DeliveryDelay is not null || ReceiveMessageWaitTime is not null;
}
