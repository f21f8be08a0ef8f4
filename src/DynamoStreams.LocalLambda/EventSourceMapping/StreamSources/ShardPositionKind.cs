namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

/// <summary>Names the GetShardIterator iterator types.</summary>
public enum ShardPositionKind
{
    /// <summary><c>TRIM_HORIZON</c>.</summary>
    TrimHorizon,

    /// <summary><c>LATEST</c>.</summary>
    Latest,

    /// <summary><c>AT_SEQUENCE_NUMBER</c>.</summary>
    AtSequenceNumber,

    /// <summary><c>AFTER_SEQUENCE_NUMBER</c>.</summary>
    AfterSequenceNumber,
}
