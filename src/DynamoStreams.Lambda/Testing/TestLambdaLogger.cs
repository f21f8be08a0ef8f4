using System.Collections.Concurrent;

namespace DynamoStreams.Lambda.Testing;

/// <summary>
/// Provides an <see cref="ILambdaLogger"/> that records lines for assertions instead of writing them.
/// </summary>
public sealed class TestLambdaLogger : ILambdaLogger
{
    private readonly ConcurrentQueue<(LambdaLogLevel Level, string Message)> _lines = new();

    /// <summary>Gets the recorded lines, oldest first.</summary>
    public IReadOnlyList<(LambdaLogLevel Level, string Message)> Lines => [.. _lines];

    /// <inheritdoc />
    public bool IsEnabled(LambdaLogLevel level) => true;

    /// <inheritdoc />
    public void Log(LambdaLogLevel level, string message) => _lines.Enqueue((level, message));

    /// <inheritdoc />
    public void LogLine(string message) => Log(LambdaLogLevel.Information, message);
}
