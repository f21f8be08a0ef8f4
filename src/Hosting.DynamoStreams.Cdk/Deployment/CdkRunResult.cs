namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Holds the outcome of one CDK CLI run.
/// </summary>
/// <param name="ExitCode">The CLI's exit code.</param>
/// <param name="Lines">Every line the CLI printed, stdout and stderr interleaved as received.</param>
internal sealed record CdkRunResult(int ExitCode, IReadOnlyList<string> Lines);
