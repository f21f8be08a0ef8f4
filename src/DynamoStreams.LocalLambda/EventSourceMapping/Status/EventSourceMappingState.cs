namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Holds the values of <c>State</c> and <c>LastProcessingResult</c> as AWS reports them.</summary>
public static class EventSourceMappingState
{
    /// <summary>The mapping is being created (not started yet).</summary>
    public const string Creating = "Creating";

    /// <summary>The mapping is being enabled.</summary>
    public const string Enabling = "Enabling";

    /// <summary>The mapping reads and invokes.</summary>
    public const string Enabled = "Enabled";

    /// <summary>The mapping is being disabled.</summary>
    public const string Disabling = "Disabling";

    /// <summary>The mapping is paused at its checkpoint.</summary>
    public const string Disabled = "Disabled";

    /// <summary>The mapping is being stopped.</summary>
    public const string Deleting = "Deleting";

    /// <summary>Nothing has been invoked yet.</summary>
    public const string NoRecordsProcessed = "No records processed";

    /// <summary>The last invocation succeeded.</summary>
    public const string Ok = "OK";

    /// <summary>The last invocation failed.</summary>
    public const string FunctionCallFailed = "PROBLEM: Function call failed";
}
