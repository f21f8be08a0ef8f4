using System.Text.RegularExpressions;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Describes one function served by a <see cref="LambdaRuntimeApiHost"/>: its identity, limits and environment.
/// </summary>
public sealed partial class LambdaFunctionOptions
{
    /// <summary>The default invocation timeout of AWS Lambda (3 seconds).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The largest invocation timeout AWS Lambda accepts (900 seconds).</summary>
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromSeconds(900);

    /// <summary>Gets the function name (1 to 64 letters, digits, hyphens or underscores, as AWS Lambda requires).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the region used in the function ARN and the <c>AWS_REGION</c> variable. Defaults to <c>us-east-1</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Gets the 12-digit account id used in the function ARN. Defaults to <c>000000000000</c>.</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>Gets the invocation timeout (1 second to 900 seconds). Defaults to 3 seconds.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Gets the memory size in MB reported to the function (128 to 10,240). Defaults to 128.</summary>
    public int MemorySize { get; init; } = 128;

    /// <summary>
    /// Gets the number of runtime processes the host supervises for the function, each serving one invocation at a time.
    /// Defaults to 1. Ignored when the function's processes are started by someone else (for example Aspire).
    /// </summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>
    /// Gets how long an invocation waits for a free runtime process before it is throttled. Defaults to 10 seconds,
    /// the length of Lambda's init phase, so a cold start inside that limit is not a throttle.
    /// </summary>
    public TimeSpan ThrottleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets a value indicating whether a debugger is attached to the handler. When <see langword="true"/> the host
    /// still sends the deadline but never fails or kills an invocation that runs past it, so a paused handler survives.
    /// </summary>
    public bool DebuggerAttached { get; init; }

    /// <summary>Gets the function's own environment variables (for example <c>AWS_ENDPOINT_URL</c> or the table name).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the ARN of the function: <c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;name&gt;</c>.</summary>
    public string FunctionArn => $"arn:aws:lambda:{Region}:{AccountId}:function:{Name}";

    /// <summary>
    /// Checks every option and throws an <see cref="ArgumentException"/> that names the option and the valid range.
    /// </summary>
    /// <exception cref="ArgumentException">An option is outside the range AWS Lambda accepts.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Name) || !NamePattern().IsMatch(Name))
        {
            throw new ArgumentException(
                $"Function name '{Name}' is invalid: use 1 to 64 letters, digits, hyphens or underscores.", nameof(Name));
        }

        if (string.IsNullOrEmpty(Region) || !RegionPattern().IsMatch(Region))
        {
            throw new ArgumentException($"Region '{Region}' is invalid: use a region name such as 'us-east-1'.", nameof(Region));
        }

        if (AccountId is null || !AccountPattern().IsMatch(AccountId))
        {
            throw new ArgumentException($"Account id '{AccountId}' is invalid: use 12 digits.", nameof(AccountId));
        }

        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > MaximumTimeout)
        {
            throw new ArgumentException(
                $"Timeout {Timeout.TotalSeconds} s of function '{Name}' is invalid: use 1 to 900 seconds.", nameof(Timeout));
        }

        if (MemorySize is < 128 or > 10240)
        {
            throw new ArgumentException(
                $"MemorySize {MemorySize} of function '{Name}' is invalid: use 128 to 10240 MB.", nameof(MemorySize));
        }

        if (Concurrency is < 1 or > 64)
        {
            throw new ArgumentException(
                $"Concurrency {Concurrency} of function '{Name}' is invalid: use 1 to 64 local processes.", nameof(Concurrency));
        }

        if (ThrottleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ThrottleTimeout of function '{Name}' must be positive.", nameof(ThrottleTimeout));
        }

        ArgumentNullException.ThrowIfNull(Environment);
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-\\d+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^\\d{12}$")]
    private static partial Regex AccountPattern();
}
