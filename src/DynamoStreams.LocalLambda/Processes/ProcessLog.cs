using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Defines the log messages of function processes.
/// </summary>
internal static partial class ProcessLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "[{ProcessId}] {Line}")]
    public static partial void Output(ILogger logger, int processId, string line);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "[{ProcessId}] {Line}")]
    public static partial void Error(ILogger logger, int processId, string line);
}
