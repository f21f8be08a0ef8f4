namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists where a new mapping starts reading the stream (CDK's <c>StartingPosition</c>; <c>AT_TIMESTAMP</c> is Kinesis-only).
/// </summary>
public enum DynamoStartingPosition
{
    /// <summary>The oldest record still in the stream (the seed's default, <c>TRIM_HORIZON</c>).</summary>
    TrimHorizon,

    /// <summary>Only records written after the mapping starts (<c>LATEST</c>).</summary>
    Latest,
}
