namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Carries the identifiers of a table once a local run has created it.
/// </summary>
/// <param name="TableName">The table name.</param>
/// <param name="TableArn">The table ARN.</param>
/// <param name="StreamArn">The latest stream ARN.</param>
internal sealed record LocalTableInfo(string TableName, string TableArn, string StreamArn);
