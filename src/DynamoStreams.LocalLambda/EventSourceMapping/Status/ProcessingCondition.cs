using System.Globalization;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>
/// Says in words what a mapping's last batch did, a finer <c>LastProcessingResult</c>: for example
/// <c>Retrying: function error (3rd attempt)</c> or <c>Discarding to DLQ: retry attempts exhausted (1 record)</c>.
/// </summary>
/// <param name="Kind">The class of the condition.</param>
/// <param name="Description">The condition in words.</param>
/// <param name="Error">The function's last error (<c>ErrorType: message</c>), or null.</param>
public sealed record ProcessingCondition(ProcessingConditionKind Kind, string Description, string? Error = null)
{
    /// <summary>Gets the condition before the first invocation.</summary>
    public static ProcessingCondition Idle { get; } = new(ProcessingConditionKind.Idle, EventSourceMappingState.NoRecordsProcessed);

    /// <summary>Gets the condition after a successful invocation.</summary>
    public static ProcessingCondition Healthy { get; } = new(ProcessingConditionKind.Healthy, EventSourceMappingState.Ok);

    /// <summary>Gets whether the condition is a problem a user should see (retrying, bisecting, discarding, throttled).</summary>
    public bool IsProblem => Kind is not (ProcessingConditionKind.Idle or ProcessingConditionKind.Healthy);

    internal static ProcessingCondition Retrying(string cause, int nextAttempt, string? error) =>
        new(ProcessingConditionKind.Retrying, $"Retrying: {cause} ({Ordinal(nextAttempt)} attempt)", error);

    internal static ProcessingCondition Throttled(string? message, int nextAttempt, string? lastCause, string? lastError) =>
        new(ProcessingConditionKind.Throttled,
            $"Throttled: no function instance took the batch ({Ordinal(nextAttempt)} attempt){(lastCause is null ? string.Empty : ", after " + lastCause)}",
            lastError ?? message);

    internal static ProcessingCondition Bisecting(string cause, int count, string? error) =>
        new(ProcessingConditionKind.Bisecting, string.Create(CultureInfo.InvariantCulture, $"Bisecting: {cause} (batch of {count} split in two)"), error);

    internal static ProcessingCondition Discarding(bool toDestination, string condition, int count, string? error) =>
        new(ProcessingConditionKind.Discarding,
            string.Create(CultureInfo.InvariantCulture,
                $"{(toDestination ? "Discarding to DLQ" : "Dropping, no DLQ")}: {Words(condition)} ({count} {(count == 1 ? "record" : "records")})"),
            error);

    /// <summary>Names the cause of a failed invocation in words from Lambda's error type.</summary>
    internal static string Cause(string? errorType) => errorType switch
    {
        "Sandbox.Timedout" => "function timed out",
        "Runtime.ExitError" => "function crashed",
        // Lambda's other Runtime.* types (ImportModuleError, UserCodeSyntaxError, HandlerNotFound, InvalidEntrypoint …) are init failures.
        { } type when type.StartsWith("Runtime.", StringComparison.Ordinal) => "function init failed",
        _ => "function error",
    };

    private static string Words(string condition) => condition switch
    {
        "RetryAttemptsExhausted" => "retry attempts exhausted",
        "RecordAgeExceeded" => "record age exceeded",
        _ => condition,
    };

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
