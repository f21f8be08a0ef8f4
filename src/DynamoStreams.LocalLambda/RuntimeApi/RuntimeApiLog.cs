using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Defines the log messages of the Runtime API host.
/// </summary>
internal static partial class RuntimeApiLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Lambda Runtime API listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, Uri endpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Function {Function}: process {ProcessId} started as runtime instance {Instance}")]
    public static partial void ProcessStarted(ILogger logger, string function, int processId, string instance);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Function {Function}: process {ProcessId} exited with code {ExitCode}; restarting now: {Restart}")]
    public static partial void ProcessExited(ILogger logger, string function, int processId, int exitCode, bool restart);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Function {Function}: the process could not be started: {Reason}")]
    public static partial void StartFailed(ILogger logger, string function, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Function {Function}: init failed with {ErrorType}: {ErrorMessage}")]
    public static partial void InitFailed(ILogger logger, string function, string errorType, string errorMessage);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Function {Function}: invocation {RequestId} timed out after {Timeout} s; the process is replaced")]
    public static partial void TimedOut(ILogger logger, string function, string requestId, double timeout);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Function {Function}: invocation {RequestId} throttled: no runtime process was free within {Seconds} s")]
    public static partial void Throttled(ILogger logger, string function, string requestId, double seconds);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Function {Function}: {Method} {Path} rejected with {ErrorType}")]
    public static partial void Rejected(ILogger logger, string function, string method, string path, string errorType);
}
