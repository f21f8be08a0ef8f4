using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Holds a snapshot of a mapping as <c>GetEventSourceMapping</c> reports it, plus local counters and shards.</summary>
public sealed record EventSourceMappingStatus
{
    /// <summary>Gets the mapping's configuration.</summary>
    public required EventSourceMappingConfiguration Configuration { get; init; }

    /// <summary>Gets <c>State</c> (see <see cref="EventSourceMappingState"/>).</summary>
    public required string State { get; init; }

    /// <summary>Gets <c>StateTransitionReason</c>.</summary>
    public required string StateTransitionReason { get; init; }

    /// <summary>Gets <c>LastModified</c>.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Gets <c>LastProcessingResult</c>.</summary>
    public required string LastProcessingResult { get; init; }

    /// <summary>Gets what the last batch did, in words (a finer <see cref="LastProcessingResult"/>).</summary>
    public ProcessingCondition Condition { get; init; } = ProcessingCondition.Idle;

    /// <summary>Gets the last error the engine met outside the function (stream or destination), or null.</summary>
    public string? LastEngineError { get; init; }

    /// <summary>Gets the counters.</summary>
    public required EventSourceMappingMetrics Metrics { get; init; }

    /// <summary>Gets the shards known to the mapping.</summary>
    public required IReadOnlyList<ShardStatus> Shards { get; init; }
}
