using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using static Aspire.Hosting.DynamoStreams.Validation.DynamoStreamsLambdaValidator;

namespace Aspire.Hosting.DynamoStreams.Validation;

/// <summary>
/// Checks the function settings with Lambda's rules.
/// </summary>
internal static partial class LambdaFunctionValidator
{
    private static readonly HashSet<string> s_reservedKeys = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary>
    /// Validates the function options.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    public static void Validate(DynamoStreamsLambdaResource pattern)
    {
        var f = pattern.Function;
        if (f.FunctionName is { } name && !FunctionNameRegex().IsMatch(name))
        {
            throw Fail(pattern, $"Function.FunctionName '{name}' is invalid: a function name has 1 to 64 letters, digits, hyphens or underscores.");
        }

        if (f.Timeout < TimeSpan.FromSeconds(1) || f.Timeout > TimeSpan.FromMinutes(15))
        {
            throw Fail(pattern, $"Function.Timeout is {f.Timeout.TotalSeconds} seconds; a Lambda function timeout is between 1 second and 15 minutes.");
        }

        if (f.Timeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Fail(pattern, $"Function.Timeout is {f.Timeout.TotalSeconds} seconds; Lambda counts timeouts in whole seconds.");
        }

        if (f.MemorySize is < 128 or > 10240)
        {
            throw Fail(pattern, $"Function.MemorySize is {f.MemorySize} MB; a Lambda function has between 128 and 10240 MB.");
        }

        if (f.ReservedConcurrentExecutions is < 0)
        {
            throw Fail(pattern, $"Function.ReservedConcurrentExecutions is {f.ReservedConcurrentExecutions}; it must be 0 or more (0 stops all invocations), or null.");
        }

        var reserved = f.Environment.Keys.Where(s_reservedKeys.Contains).ToList();
        if (reserved.Count > 0)
        {
            throw Fail(pattern, "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. "
                + $"Reserved keys used in this request: {string.Join(", ", reserved)}. Remove them from Function.Environment.");
        }

        foreach (var key in f.Environment.Keys)
        {
            if (!EnvironmentKeyRegex().IsMatch(key))
            {
                throw Fail(pattern, $"The environment variable name '{key}' in Function.Environment is invalid: it must start with a letter and contain only letters, digits and underscores.");
            }
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex FunctionNameRegex();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]+$")]
    private static partial Regex EnvironmentKeyRegex();
}
