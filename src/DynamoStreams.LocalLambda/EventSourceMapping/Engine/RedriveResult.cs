namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Reports what a redrive of an OnFailure document did.</summary>
/// <param name="RecordsFound">The records of the document's range still in the stream (older ones were trimmed).</param>
/// <param name="RecordsDelivered">The records the function processed this time.</param>
/// <param name="RecordsDiscarded">The records discarded again (and reported again to the destination, if any).</param>
public sealed record RedriveResult(int RecordsFound, int RecordsDelivered, int RecordsDiscarded);
