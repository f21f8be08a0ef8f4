namespace DynamoStreams.Lambda;

/// <summary>
/// Specifies the level of a log line; the names are those of <c>AWS_LAMBDA_LOG_LEVEL</c>.
/// </summary>
public enum LambdaLogLevel
{
    /// <summary>Most detailed diagnostics (<c>TRACE</c>).</summary>
    Trace,

    /// <summary>Debugging detail (<c>DEBUG</c>).</summary>
    Debug,

    /// <summary>Normal operation (<c>INFO</c>), the default.</summary>
    Information,

    /// <summary>Something unexpected that the function survived (<c>WARN</c>).</summary>
    Warning,

    /// <summary>A failure of the current operation (<c>ERROR</c>).</summary>
    Error,

    /// <summary>A failure that stops the function (<c>FATAL</c>).</summary>
    Critical,
}
