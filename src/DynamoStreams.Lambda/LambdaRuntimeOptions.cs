namespace DynamoStreams.Lambda;

/// <summary>
/// Configures <see cref="LambdaRuntime"/>. The defaults are right for a function process; tests and hosts that run
/// the loop inside another process change them.
/// </summary>
public sealed class LambdaRuntimeOptions
{
    /// <summary>
    /// Gets or sets the Runtime API address (<c>host:port</c> or <c>host:port/prefix</c>); defaults to
    /// <c>AWS_LAMBDA_RUNTIME_API</c>.
    /// </summary>
    public string? RuntimeApi { get; set; }

    /// <summary>
    /// Gets or sets environment variables that take precedence over the process environment when the runtime reads
    /// the function's settings (<c>AWS_LAMBDA_FUNCTION_NAME</c>, <c>AWS_LAMBDA_LOG_LEVEL</c>, ...).
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the runtime owns the process: it then stops on SIGTERM and SIGINT,
    /// sets <see cref="Environment.ExitCode"/> on a fatal error and sets <c>_X_AMZN_TRACE_ID</c> for each invocation.
    /// Defaults to <see langword="true"/>.
    /// </summary>
    public bool OwnsProcess { get; set; } = true;

    /// <summary>
    /// Gets or sets how long an invocation that is running when shutdown starts may take to finish before the runtime
    /// abandons it and returns. Defaults to 500 ms, the time Lambda leaves between SIGTERM and SIGKILL.
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets the clock for deadlines and remaining time; defaults to <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where informational log lines go; defaults to <see cref="Console.Out"/>.</summary>
    public TextWriter? StandardOutput { get; set; }

    /// <summary>Gets or sets where warnings, errors and runtime failures go; defaults to <see cref="Console.Error"/>.</summary>
    public TextWriter? StandardError { get; set; }
}
