namespace DynamoStreams.Emulator.Streams;

/// <summary>Lists the kinds of shard position, matching the shard iterator types.</summary>
public enum StreamPositionKind
{
    /// <summary><c>TRIM_HORIZON</c>: the oldest untrimmed record.</summary>
    TrimHorizon,

    /// <summary><c>LATEST</c>: just after the newest record.</summary>
    Latest,

    /// <summary><c>AT_SEQUENCE_NUMBER</c>: the record with the sequence number.</summary>
    AtSequenceNumber,

    /// <summary><c>AFTER_SEQUENCE_NUMBER</c>: just after the record with the sequence number.</summary>
    AfterSequenceNumber,
}
