namespace Aspire.Hosting.DynamoStreams.Cdk.Processes;

/// <summary>
/// The outcome of a tool run by <see cref="ChildProcessRunner"/>.
/// </summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Lines">Every line of standard output and error, in the order received.</param>
internal sealed record ChildProcessResult(int ExitCode, IReadOnlyList<string> Lines);
