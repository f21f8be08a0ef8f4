using DynamoStreams.Emulator.Sqs;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Destinations;

/// <summary>Sends OnFailure documents to the in-process emulator's SQS queues by ARN.</summary>
/// <param name="queues">The emulator's queues (<c>DynamoEmulator.Queues</c>).</param>
public sealed class EmulatorQueueDestination(ISqsQueues queues) : IFailureDestination
{
    /// <inheritdoc />
    public Task SendAsync(string destinationArn, string document, CancellationToken cancellationToken) =>
        queues.SendMessageAsync(destinationArn, document, cancellationToken: cancellationToken);
}
