namespace Aspire.Hosting;

/// <summary>
/// Names the settings <c>WithReference(pattern)</c> gives a referencing project, as configuration keys
/// (environment variables use <c>__</c> for <c>:</c>).
/// </summary>
public static class DynamoStreamsConfigurationKeys
{
    /// <summary>The section holding one sub-section per pattern: <c>DynamoStreams:{pattern}</c>.</summary>
    public const string Section = "DynamoStreams";

    /// <summary>Gets the key of the table name: <c>DynamoStreams:{pattern}:TableName</c>.</summary>
    /// <param name="pattern">The pattern name.</param>
    /// <returns>The configuration key.</returns>
    public static string TableName(string pattern) => $"{Section}:{pattern}:TableName";

    /// <summary>Gets the key of the table ARN: <c>DynamoStreams:{pattern}:TableArn</c>.</summary>
    /// <param name="pattern">The pattern name.</param>
    /// <returns>The configuration key.</returns>
    public static string TableArn(string pattern) => $"{Section}:{pattern}:TableArn";

    /// <summary>Gets the key of the stream ARN: <c>DynamoStreams:{pattern}:StreamArn</c>.</summary>
    /// <param name="pattern">The pattern name.</param>
    /// <returns>The configuration key.</returns>
    public static string StreamArn(string pattern) => $"{Section}:{pattern}:StreamArn";

    /// <summary>Gets the key of the dead-letter queue URL: <c>DynamoStreams:{pattern}:DeadLetterQueueUrl</c>.</summary>
    /// <param name="pattern">The pattern name.</param>
    /// <returns>The configuration key.</returns>
    public static string DeadLetterQueueUrl(string pattern) => $"{Section}:{pattern}:DeadLetterQueueUrl";

    /// <summary>Gets the key of the dead-letter queue ARN: <c>DynamoStreams:{pattern}:DeadLetterQueueArn</c>.</summary>
    /// <param name="pattern">The pattern name.</param>
    /// <returns>The configuration key.</returns>
    public static string DeadLetterQueueArn(string pattern) => $"{Section}:{pattern}:DeadLetterQueueArn";

    /// <summary>Gets the key of the function name: <c>DynamoStreams:{pattern}:FunctionName</c>.</summary>
    /// <param name="pattern">The pattern name.</param>
    /// <returns>The configuration key.</returns>
    public static string FunctionName(string pattern) => $"{Section}:{pattern}:FunctionName";

    /// <summary>Converts a configuration key into its environment-variable name.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The key with <c>:</c> replaced by <c>__</c>.</returns>
    public static string ToEnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
