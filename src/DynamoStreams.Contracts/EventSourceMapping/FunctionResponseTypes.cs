namespace DynamoStreams.Contracts.EventSourceMapping;

/// <summary>Names the <c>FunctionResponseTypes</c> values of a mapping.</summary>
public static class FunctionResponseTypes
{
    /// <summary>The response type that lets the function return <c>batchItemFailures</c>.</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";
}
