namespace DynamoStreams.Contracts.EventSourceMapping;

/// <summary>Names the <c>StartingPosition</c> values of a mapping as the Lambda API spells them.</summary>
public static class StartingPositions
{
    /// <summary>The oldest record still in the shard.</summary>
    public const string TrimHorizon = "TRIM_HORIZON";

    /// <summary>Just after the newest record when reading starts.</summary>
    public const string Latest = "LATEST";

    /// <summary>The first record at or after a timestamp (Kinesis only; the API model accepts it).</summary>
    public const string AtTimestamp = "AT_TIMESTAMP";
}
