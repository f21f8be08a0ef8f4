namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Holds an init failure not yet surfaced to an invocation: an error the runtime reported, a start failure, or an exit.
/// </summary>
/// <param name="Reported">The error from <c>/init/error</c> or from the runner, if any.</param>
/// <param name="StartFailure">Why the process could not be started at all, if so.</param>
/// <param name="ExitCode">The exit code of a process that died before asking for work, when nothing was reported.</param>
/// <param name="Slot">The supervised slot to restart when the failure is surfaced, or -1.</param>
internal sealed record InitFailure(FunctionError? Reported, string? StartFailure, int ExitCode, int Slot)
{
    /// <summary>Creates the error the first invocation fails with.</summary>
    public FunctionError ToError(string requestId) =>
        Reported
        ?? (StartFailure is { } reason
            ? FunctionErrors.StartFailure(requestId, reason)
            : FunctionErrors.Exit(requestId, ExitCode, FunctionErrorKind.InitError));
}
