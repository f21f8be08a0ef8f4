using System.Globalization;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Computes the environment of a function process (spec C.3), separately from starting it, so that an orchestrator
/// launching the process itself (Aspire project resources) gives the function exactly what the host's runners give.
/// </summary>
public static class FunctionEnvironment
{
    /// <summary>The credentials given to a function unless its own environment sets them (the emulator accepts any).</summary>
    public const string LocalCredential = "local";

    /// <summary>
    /// Gets the host variables a runner copies into a process besides the computed environment, because the process
    /// cannot start or find its SDK without them (the rest of the host's environment is not inherited).
    /// </summary>
    public static IReadOnlyList<string> PassThroughVariables { get; } =
    [
        "HOME", "USER", "TMPDIR", "TEMP", "TMP", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64",
        "DOTNET_HOST_PATH", "SystemRoot", "SYSTEMROOT", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "ProgramFiles",
    ];

    /// <summary>
    /// Computes every variable of spec C.3 for <paramref name="function"/>: reserved variables (always the host's
    /// values), then the function's own <see cref="LambdaFunctionOptions.Environment"/> over the defaults
    /// (<c>LANG</c>, <c>TZ</c>, <c>PATH</c>, <c>LD_LIBRARY_PATH</c>, local credentials).
    /// </summary>
    /// <param name="function">The function's options.</param>
    /// <param name="runtimeApiAddress">The value of <c>AWS_LAMBDA_RUNTIME_API</c> (<c>127.0.0.1:port/function</c>), from <see cref="LambdaRuntimeApiHost.GetRuntimeApiAddress"/>.</param>
    /// <param name="runtime">The handler, task root, runtime folder and execution environment of the function's runner.</param>
    /// <param name="logStreamName">The log stream name; a new one in AWS's format (<c>yyyy/MM/dd/[$LATEST]id</c>) when <see langword="null"/>.</param>
    /// <returns>The environment, keys compared ordinally.</returns>
    public static IReadOnlyDictionary<string, string> Create(
        LambdaFunctionOptions function,
        string runtimeApiAddress,
        FunctionRuntimeInfo runtime,
        string? logStreamName = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentException.ThrowIfNullOrEmpty(runtimeApiAddress);
        ArgumentNullException.ThrowIfNull(runtime);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = "UTC",
            ["AWS_ACCESS_KEY_ID"] = LocalCredential,
            ["AWS_SECRET_ACCESS_KEY"] = LocalCredential,
            ["AWS_SESSION_TOKEN"] = LocalCredential,
        };
        CopyFromHost(environment, "PATH");
        CopyFromHost(environment, "LD_LIBRARY_PATH");

        foreach (var (key, value) in function.Environment)
        {
            environment[key] = value;
        }

        environment["_HANDLER"] = runtime.Handler;
        environment["AWS_REGION"] = function.Region;
        environment["AWS_DEFAULT_REGION"] = function.Region;
        environment["AWS_LAMBDA_FUNCTION_NAME"] = function.Name;
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.Name;
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName ?? NewLogStreamName();
        environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApiAddress;
        environment["LAMBDA_TASK_ROOT"] = runtime.TaskRoot;
        environment["LAMBDA_RUNTIME_DIR"] = runtime.RuntimeDirectory;
        if (runtime.ExecutionEnvironment is { } executionEnvironment)
        {
            environment["AWS_EXECUTION_ENV"] = executionEnvironment;
        }
        else
        {
            environment.Remove("AWS_EXECUTION_ENV");
        }

        return environment;
    }

    /// <summary>Creates a log stream name in Lambda's format, for example <c>2026/11/25/[$LATEST]0f1e...</c>.</summary>
    /// <returns>The name.</returns>
    public static string NewLogStreamName() =>
        DateTime.UtcNow.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + "/[$LATEST]" + Guid.NewGuid().ToString("N");

    private static void CopyFromHost(Dictionary<string, string> environment, string name)
    {
        if (System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
        {
            environment[name] = value;
        }
    }
}
