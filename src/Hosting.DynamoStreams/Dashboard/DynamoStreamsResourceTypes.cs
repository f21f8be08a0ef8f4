namespace Aspire.Hosting.DynamoStreams.Dashboard;

/// <summary>
/// Names the resource types the dashboard shows for the pattern and its parts.
/// </summary>
internal static class DynamoStreamsResourceTypes
{
    public const string Pattern = "DynamoStreamsLambda";
    public const string Table = "DynamoDBTable";
    public const string Mapping = "EventSourceMapping";
    public const string DeadLetterQueue = "SQSQueue";
    public const string Emulator = "DynamoDBEmulator";
    public const string RuntimeHost = "LambdaRuntimeAPI";
}
