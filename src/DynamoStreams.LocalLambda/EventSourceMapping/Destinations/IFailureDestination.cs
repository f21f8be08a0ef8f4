namespace DynamoStreams.LocalLambda.EventSourceMapping.Destinations;

/// <summary>Delivers OnFailure documents (spec B.6) to the mapping's destination.</summary>
public interface IFailureDestination
{
    /// <summary>Sends one document to the destination.</summary>
    /// <param name="destinationArn">The destination's ARN (an SQS queue).</param>
    /// <param name="document">The JSON document.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the destination has accepted the document.</returns>
    Task SendAsync(string destinationArn, string document, CancellationToken cancellationToken);
}
