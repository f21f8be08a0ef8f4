using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Gives in-process access to the emulator's SQS queues, addressed by ARN: what the local event-source
/// mapping uses to park failure records in a dead-letter queue and the dashboard uses to show and purge one.
/// The same queues are served over HTTP (target <c>AmazonSQS</c>).
/// </summary>
public interface ISqsQueues
{
    /// <summary>Creates a standard queue, or returns the existing one when the attributes match.</summary>
    /// <param name="region">The region, for example <c>us-east-1</c>.</param>
    /// <param name="queueName">1 to 80 letters, digits, hyphens or underscores.</param>
    /// <param name="attributes">Settable queue attributes (see <see cref="SqsQueueAttributes"/>), or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The queue ARN.</returns>
    /// <exception cref="SqsException">The name or an attribute is invalid, or the queue exists with other attributes.</exception>
    Task<string> CreateQueueAsync(string region, string queueName, IReadOnlyDictionary<string, string>? attributes = null,
        CancellationToken cancellationToken = default);

    /// <summary>Sends a message to the queue with the given ARN.</summary>
    /// <param name="queueArn">The queue ARN, <c>arn:aws:sqs:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>.</param>
    /// <param name="body">The message body.</param>
    /// <param name="attributes">Message attributes, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new message id.</returns>
    /// <exception cref="SqsException">The queue does not exist (<c>QueueDoesNotExist</c>) or the message is invalid.</exception>
    Task<string> SendMessageAsync(string queueArn, string body, IReadOnlyDictionary<string, SqsMessageAttribute>? attributes = null,
        CancellationToken cancellationToken = default);

    /// <summary>Receives up to <paramref name="maxMessages"/> messages, waiting up to <paramref name="wait"/> for the first.</summary>
    /// <param name="queueArn">The queue ARN.</param>
    /// <param name="maxMessages">1 to 10.</param>
    /// <param name="wait">How long to wait when the queue is empty; <see cref="TimeSpan.Zero"/> returns at once.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The messages, hidden for the queue's visibility timeout.</returns>
    Task<IReadOnlyList<SqsReceivedMessage>> ReceiveMessagesAsync(string queueArn, int maxMessages, TimeSpan wait,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a received message by its newest receipt handle.</summary>
    /// <param name="queueArn">The queue ARN.</param>
    /// <param name="receiptHandle">The receipt handle.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the deletion is durable.</returns>
    Task DeleteMessageAsync(string queueArn, string receiptHandle, CancellationToken cancellationToken = default);

    /// <summary>Gets the number of messages in the queue by state.</summary>
    /// <param name="queueArn">The queue ARN.</param>
    /// <returns>The counts.</returns>
    SqsQueueDepth GetDepth(string queueArn);

    /// <summary>Deletes every message of the queue; at most once every 60 seconds, as SQS allows.</summary>
    /// <param name="queueArn">The queue ARN.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the purge is durable.</returns>
    Task PurgeAsync(string queueArn, CancellationToken cancellationToken = default);

    /// <summary>Lists the ARNs of all queues in all regions.</summary>
    /// <returns>The queue ARNs, ordered.</returns>
    IReadOnlyList<string> ListQueueArns();
}
