namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Classifies what a mapping's last batch did, from fine to failing.</summary>
public enum ProcessingConditionKind
{
    /// <summary>No batch has been invoked yet.</summary>
    Idle,

    /// <summary>The last batch succeeded (fully or up to a reported failure that is being retried from).</summary>
    Healthy,

    /// <summary>The last invocation was throttled or failed before the function ran; it is retried.</summary>
    Throttled,

    /// <summary>The last invocation failed and the batch is invoked again.</summary>
    Retrying,

    /// <summary>The last invocation failed and the batch was split in two.</summary>
    Bisecting,

    /// <summary>Records were discarded: reported to the OnFailure destination, or dropped without one.</summary>
    Discarding,
}
