namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Names the meaning of a function's response for its batch.</summary>
internal enum BatchVerdictKind
{
    Success,
    PartialFailure,
    Failure,
}
