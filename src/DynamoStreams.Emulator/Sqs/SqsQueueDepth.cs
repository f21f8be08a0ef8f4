namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Reports how many messages a queue holds, by state, as <c>GetQueueAttributes</c> counts them.
/// </summary>
/// <param name="QueueArn">The queue ARN.</param>
/// <param name="Visible">Messages available for receive (<c>ApproximateNumberOfMessages</c>).</param>
/// <param name="InFlight">Messages received and not yet deleted or visible again (<c>...NotVisible</c>).</param>
/// <param name="Delayed">Messages sent with a delay not yet elapsed (<c>...Delayed</c>).</param>
public sealed record SqsQueueDepth(string QueueArn, int Visible, int InFlight, int Delayed)
{
    /// <summary>Gets the total number of messages in the queue.</summary>
    public int Total => Visible + InFlight + Delayed;
}
