namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Describes a failed CDK CLI run: what went wrong, the CLI's line that shows it, and what to do.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Evidence">The CLI's output line that identified the failure, or null.</param>
/// <param name="Advice">What to do about it.</param>
public sealed record CdkFailure(CdkFailureKind Kind, string? Evidence, string Advice)
{
    /// <summary>Gets the short state text the pattern resource shows for this failure.</summary>
    public string StateText => Kind switch
    {
        CdkFailureKind.NodeMissing => "Node.js not found",
        CdkFailureKind.CliMissing => "CDK CLI not found",
        CdkFailureKind.Credentials => "No AWS credentials",
        CdkFailureKind.NotBootstrapped => "Not bootstrapped",
        CdkFailureKind.StackFailed => "Stack failed",
        _ => "Deploy failed",
    };

    /// <summary>Gets the message for a log or command result: the evidence, then the advice.</summary>
    public string Message => Evidence is null ? Advice : $"The CDK CLI said: \"{Evidence.Trim().TrimStart('❌').Trim()}\". {Advice}";
}
