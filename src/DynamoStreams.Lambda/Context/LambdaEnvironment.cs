using System.Globalization;

namespace DynamoStreams.Lambda;

/// <summary>
/// Holds the function-level settings Lambda passes every runtime process in its environment.
/// </summary>
internal sealed class LambdaEnvironment
{
    private LambdaEnvironment(Func<string, string?> variables)
    {
        RuntimeApi = variables("AWS_LAMBDA_RUNTIME_API");
        FunctionName = variables("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty;
        FunctionVersion = variables("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST";
        LogGroupName = variables("AWS_LAMBDA_LOG_GROUP_NAME") ?? string.Empty;
        LogStreamName = variables("AWS_LAMBDA_LOG_STREAM_NAME") ?? string.Empty;
        MemoryLimitInMB = int.TryParse(variables("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var memory) ? memory : 0;
        MinimumLogLevel = ParseLogLevel(variables("AWS_LAMBDA_LOG_LEVEL"));
        JsonLogs = string.Equals(variables("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Gets <c>AWS_LAMBDA_RUNTIME_API</c>, or <see langword="null"/> when the process does not run under Lambda.</summary>
    public string? RuntimeApi { get; }

    public string FunctionName { get; }

    public string FunctionVersion { get; }

    public string LogGroupName { get; }

    public string LogStreamName { get; }

    public int MemoryLimitInMB { get; }

    public LambdaLogLevel MinimumLogLevel { get; }

    public bool JsonLogs { get; }

    public static LambdaEnvironment Read(IReadOnlyDictionary<string, string>? overrides) =>
        new(name => overrides is not null && overrides.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name));

    private static LambdaLogLevel ParseLogLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LambdaLogLevel.Trace,
        "DEBUG" => LambdaLogLevel.Debug,
        "WARN" or "WARNING" => LambdaLogLevel.Warning,
        "ERROR" => LambdaLogLevel.Error,
        "FATAL" or "CRITICAL" => LambdaLogLevel.Critical,
        _ => LambdaLogLevel.Information,
    };
}
