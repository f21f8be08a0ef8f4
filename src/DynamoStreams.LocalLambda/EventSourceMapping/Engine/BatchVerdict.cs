namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Holds what a successful invocation's response means for the batch (spec B.4).</summary>
/// <param name="Kind">Success, partial failure, or failure of the whole batch.</param>
/// <param name="FirstFailedIndex">For a partial failure, the index of the lowest failed record.</param>
/// <param name="Reason">For a failure, why the response failed the batch.</param>
/// <param name="StateJson">For a window invocation, the state the function returned.</param>
internal sealed record BatchVerdict(BatchVerdictKind Kind, int FirstFailedIndex = -1, string? Reason = null, string? StateJson = null);
