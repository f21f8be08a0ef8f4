namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Carries the identifiers of a queue once a local run has created it.
/// </summary>
/// <param name="QueueUrl">The queue URL.</param>
/// <param name="QueueArn">The queue ARN.</param>
internal sealed record LocalQueueInfo(string QueueUrl, string QueueArn);
