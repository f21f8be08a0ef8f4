using Aspire.Hosting.DynamoStreams.Local;
using Microsoft.Extensions.Logging;

namespace Hosting.DynamoStreams.Tests;

/// <summary>The local servers log through the AppHost without ASP.NET Core's two lines per request.</summary>
public sealed class ServerLogFilterTests
{
    [Fact]
    public void CreateLogger_AspNetCoreCategory_OnlyWarningsAndErrorsReachTheAppHost()
    {
        // issue 7: the AppHost's console shows the local run's state, not every SDK call and Runtime API poll
        var written = new List<string>();
        using var appHost = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListProvider(written)));
        using var filter = new ServerLogFilter(appHost);

        var hosting = filter.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
        hosting.LogInformation("Request starting");
        hosting.LogWarning("Slow request");
        filter.CreateLogger("DynamoStreams.LocalLambda.RuntimeApi").LogInformation("Listening");

        Assert.Equal(["Microsoft.AspNetCore.Hosting.Diagnostics: Slow request", "DynamoStreams.LocalLambda.RuntimeApi: Listening"], written);
        Assert.False(hosting.IsEnabled(LogLevel.Information));
    }

    private sealed class ListProvider(List<string> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, written);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(string category, List<string> written) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.Add($"{category}: {formatter(state, exception)}");
    }
}
