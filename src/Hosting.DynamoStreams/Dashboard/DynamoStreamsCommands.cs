namespace Aspire.Hosting.DynamoStreams.Dashboard;

/// <summary>
/// Names the dashboard commands of the pattern's parts (also usable through <c>ResourceCommandService</c>).
/// </summary>
public static class DynamoStreamsCommands
{
    /// <summary>Pauses the mapping (on the <c>{name}-mapping</c> resource).</summary>
    public const string DisableMapping = "disable-mapping";

    /// <summary>Resumes the mapping at its checkpoint (on the <c>{name}-mapping</c> resource).</summary>
    public const string EnableMapping = "enable-mapping";

    /// <summary>Reads the stream again from its oldest record (on the <c>{name}-mapping</c> resource).</summary>
    public const string ReplayFromTrimHorizon = "replay-trim-horizon";

    /// <summary>Re-delivers the records named by every dead-letter message (on the <c>{name}-dlq</c> resource).</summary>
    public const string RedriveDeadLetterQueue = "redrive-dlq";

    /// <summary>Deletes every dead-letter message (on the <c>{name}-dlq</c> resource).</summary>
    public const string PurgeDeadLetterQueue = "purge-dlq";

    /// <summary>Shows each dead-letter message with the stream records it points to (on the <c>{name}-dlq</c> resource).</summary>
    public const string ShowFailedRecords = "show-failed-records";

    /// <summary>Writes one item that flows through the stream to the function (on the <c>{name}-table</c> resource).</summary>
    public const string WriteTestItem = "write-test-item";
}
