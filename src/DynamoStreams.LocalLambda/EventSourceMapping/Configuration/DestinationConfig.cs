namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>Describes where an event-source mapping sends the records it discards.</summary>
public sealed class DestinationConfig
{
    /// <summary>Gets or sets the destination of discarded batches.</summary>
    public OnFailure? OnFailure { get; set; }
}
