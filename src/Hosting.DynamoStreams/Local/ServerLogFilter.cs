using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Hands the local servers (the emulator and the Runtime API host) the AppHost's loggers without ASP.NET Core's
/// per-request information messages: two lines for every SDK call and every Runtime API poll would bury the AppHost's
/// console. ASP.NET Core's warnings and errors, and every other category, pass unchanged.
/// </summary>
/// <param name="inner">The AppHost's logger factory; the AppHost owns and disposes it.</param>
internal sealed class ServerLogFilter(ILoggerFactory inner) : ILoggerFactory
{
    private const string AspNetCorePrefix = "Microsoft.AspNetCore";

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(AspNetCorePrefix, StringComparison.Ordinal) ? new WarningsOnlyLogger(logger) : logger;
    }

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose()
    {
        // The inner factory belongs to the AppHost.
    }

    private sealed class WarningsOnlyLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
