namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes the function's settings with the names of CDK's <c>FunctionProps</c>. Locally the timeout,
/// memory size, environment and concurrency apply to the handler process; the rest is cloud-only.
/// </summary>
public sealed class LambdaFunctionOptions
{
    /// <summary>Gets or sets the physical function name; null lets CloudFormation generate one (locally the pattern's name is used).</summary>
    public string? FunctionName { get; set; }

    /// <summary>Gets or sets the description. Cloud-only.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the invocation timeout, 1 s–15 min (Lambda's default 3 s). A run with a debugger attached does not enforce it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the memory size in MB, 128–10240 (Lambda's default 128); locally reported to the handler as <c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>.</summary>
    public int MemorySize { get; set; } = 128;

    /// <summary>Gets the environment variables of the function (locally of the handler process).</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the reserved concurrency; null leaves the account's pool (locally one handler process unless the mapping needs more).</summary>
    public int? ReservedConcurrentExecutions { get; set; }

    /// <summary>Gets or sets the instruction set in AWS (default x86-64). Cloud-only.</summary>
    public LambdaArchitecture Architecture { get; set; } = LambdaArchitecture.X86_64;

    /// <summary>Gets or sets whether X-Ray active tracing is on (the seed's default true). Cloud-only; locally traces go to the dashboard.</summary>
    public bool Tracing { get; set; } = true;

    /// <summary>Gets whether any property differs from its default (the seed's <c>lambdaFunctionProps</c> was given).</summary>
    internal bool IsCustomized =>
        FunctionName is not null || Description is not null || Timeout != TimeSpan.FromSeconds(3) || MemorySize != 128
        || Environment.Count > 0 || ReservedConcurrentExecutions is not null || Architecture != LambdaArchitecture.X86_64 || !Tracing;
}
