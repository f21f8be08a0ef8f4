using System.Globalization;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Creates the function errors the host itself produces, with Lambda's error types and messages.
/// </summary>
internal static class FunctionErrors
{
    /// <summary>Creates <c>Sandbox.Timedout</c>: "RequestId: id Error: Task timed out after 3.00 seconds".</summary>
    public static FunctionError Timeout(string requestId, TimeSpan elapsed) => new(
        FunctionErrorKind.Timeout,
        "Sandbox.Timedout",
        string.Create(
            CultureInfo.InvariantCulture,
            $"RequestId: {requestId} Error: Task timed out after {Math.Floor(elapsed.TotalSeconds * 100) / 100:0.00} seconds"),
        []);

    /// <summary>Creates <c>Runtime.ExitError</c> for a process that exited with <paramref name="exitCode"/>.</summary>
    public static FunctionError Exit(string requestId, int exitCode, FunctionErrorKind kind) => new(
        kind,
        "Runtime.ExitError",
        string.Create(
            CultureInfo.InvariantCulture,
            $"RequestId: {requestId} Error: Runtime exited with error: {DescribeExit(exitCode)}"),
        []);

    /// <summary>Creates <c>Function.ResponseSizeTooLarge</c> for a response of <paramref name="size"/> bytes (or unknown).</summary>
    public static FunctionError ResponseTooLarge(long? size) => new(
        FunctionErrorKind.ResponseTooLarge,
        "Function.ResponseSizeTooLarge",
        size is { } bytes
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"Response payload size ({bytes} bytes) exceeded maximum allowed payload size ({RuntimeApiLimits.MaximumResponseBytes} bytes).")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"Response payload size exceeded maximum allowed payload size ({RuntimeApiLimits.MaximumResponseBytes} bytes)."),
        []);

    /// <summary>Creates <c>Runtime.InvalidEntrypoint</c> for a process that could not be started at all.</summary>
    public static FunctionError StartFailure(string requestId, string reason) => new(
        FunctionErrorKind.InitError,
        "Runtime.InvalidEntrypoint",
        $"RequestId: {requestId} Error: {reason}",
        []);

    private static string DescribeExit(int exitCode) =>
        !OperatingSystem.IsWindows() && exitCode > 128 && exitCode < 160
            ? "signal: " + SignalName(exitCode - 128)
            : "exit status " + exitCode.ToString(CultureInfo.InvariantCulture);

    private static string SignalName(int signal) => signal switch
    {
        6 => "aborted",
        9 => "killed",
        11 => "segmentation fault",
        15 => "terminated",
        _ => "signal " + signal.ToString(CultureInfo.InvariantCulture),
    };
}
