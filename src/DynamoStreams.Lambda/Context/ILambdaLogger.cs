namespace DynamoStreams.Lambda;

/// <summary>
/// Writes log lines the way Lambda's .NET runtime does: tagged with the request id and level, in text or JSON
/// (<c>AWS_LAMBDA_LOG_FORMAT</c>), filtered by <c>AWS_LAMBDA_LOG_LEVEL</c>.
/// </summary>
public interface ILambdaLogger
{
    /// <summary>
    /// Writes a line at <see cref="LambdaLogLevel.Information"/>.
    /// </summary>
    /// <param name="message">The text to write.</param>
    void LogLine(string message);

    /// <summary>
    /// Writes a line at the given level, if the level is enabled.
    /// </summary>
    /// <param name="level">The level of the line.</param>
    /// <param name="message">The text to write.</param>
    void Log(LambdaLogLevel level, string message);

    /// <summary>
    /// Determines whether lines of the given level are written.
    /// </summary>
    /// <param name="level">The level to test.</param>
    /// <returns><see langword="true"/> when the level is at or above the configured minimum.</returns>
    bool IsEnabled(LambdaLogLevel level);
}
