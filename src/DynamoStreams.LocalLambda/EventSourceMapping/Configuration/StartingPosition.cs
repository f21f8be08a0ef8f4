namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>Names where a mapping starts reading a shard that has no checkpoint.</summary>
public enum StartingPosition
{
    /// <summary>The oldest record still in the shard (<c>TRIM_HORIZON</c>).</summary>
    TrimHorizon,

    /// <summary>Just after the newest record when reading starts (<c>LATEST</c>).</summary>
    Latest,
}
