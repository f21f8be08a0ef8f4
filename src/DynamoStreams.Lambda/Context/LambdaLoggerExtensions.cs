namespace DynamoStreams.Lambda;

/// <summary>
/// Provides level-named shortcuts for <see cref="ILambdaLogger"/>.
/// </summary>
public static class LambdaLoggerExtensions
{
    /// <summary>Writes a <see cref="LambdaLogLevel.Debug"/> line.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="message">The text to write.</param>
    public static void LogDebug(this ILambdaLogger logger, string message) => Write(logger, LambdaLogLevel.Debug, message);

    /// <summary>Writes a <see cref="LambdaLogLevel.Information"/> line.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="message">The text to write.</param>
    public static void LogInformation(this ILambdaLogger logger, string message) => Write(logger, LambdaLogLevel.Information, message);

    /// <summary>Writes a <see cref="LambdaLogLevel.Warning"/> line.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="message">The text to write.</param>
    public static void LogWarning(this ILambdaLogger logger, string message) => Write(logger, LambdaLogLevel.Warning, message);

    /// <summary>Writes a <see cref="LambdaLogLevel.Error"/> line.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="message">The text to write.</param>
    public static void LogError(this ILambdaLogger logger, string message) => Write(logger, LambdaLogLevel.Error, message);

    private static void Write(ILambdaLogger logger, LambdaLogLevel level, string message)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(level, message);
    }
}
