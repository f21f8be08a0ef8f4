namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>Names the destination of discarded batches.</summary>
public sealed class OnFailure
{
    /// <summary>Gets or sets the ARN of a standard SQS queue or SNS topic.</summary>
    public string? Destination { get; set; }
}
