namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Recognises why the CDK CLI failed from its output, using the CLI's own messages (aws-cdk 2.x), and says what to do.
/// </summary>
internal static class CdkFailureClassifier
{
    // Checked in this order: a rolled-back stack can also print credential warnings, and a missing bootstrap stack is
    // reported before any stack event.
    private static readonly (CdkFailureKind Kind, string[] Markers)[] s_rules =
    [
        (CdkFailureKind.NotBootstrapped,
        [
            "Has the environment been bootstrapped",
            "toolkit stack must be deployed to the environment",
            "bootstrapped?",
            "/cdk-bootstrap/",
            "Run 'cdk bootstrap'",
        ]),
        (CdkFailureKind.Credentials,
        [
            "Unable to resolve AWS account to use",
            "Need to perform AWS calls for account",
            "no credentials have been configured",
            "Could not load credentials from any providers",
            "ExpiredToken",
            "expired AWS credentials",
            "The security token included in the request is",
            "InvalidClientTokenId",
            "The config profile (",
            "profile could not be found",
            "The SSO session associated with this profile has expired",
            "Profile ",
        ]),
        (CdkFailureKind.StackFailed,
        [
            "failed to deploy",
            "failed creation",
            "ROLLBACK_COMPLETE",
            "ROLLBACK_FAILED",
            "Failed to destroy",
            "DELETE_FAILED",
        ]),
    ];

    /// <summary>
    /// Classifies a failed run.
    /// </summary>
    /// <param name="lines">The CLI's output, stdout and stderr interleaved as printed.</param>
    /// <param name="exitCode">The CLI's exit code.</param>
    /// <param name="operation">"deploy" or "destroy", for the advice.</param>
    /// <param name="context">The profile and region the run used, for the advice.</param>
    /// <returns>The failure.</returns>
    public static CdkFailure Classify(IReadOnlyList<string> lines, int exitCode, string operation, CdkRunContext context)
    {
        foreach (var (kind, markers) in s_rules)
        {
            var evidence = lines.FirstOrDefault(line => markers.Any(m => Matches(line, m)));
            if (evidence is not null)
            {
                return new CdkFailure(kind, evidence, Advise(kind, context));
            }
        }

        var last = lines.LastOrDefault(l => l.Contains('❌') || l.Contains("Error", StringComparison.OrdinalIgnoreCase))
            ?? lines.LastOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return new CdkFailure(CdkFailureKind.Other, last,
            $"cdk {operation} exited with code {exitCode}; the resource log holds the CLI's full output.");
    }

    // "Profile x was not found." is the SDK's message for an unknown --profile; other markers are plain substrings.
    private static bool Matches(string line, string marker) => marker == "Profile "
        ? line.Contains(marker, StringComparison.Ordinal) && line.TrimEnd().EndsWith("was not found.", StringComparison.Ordinal)
        : line.Contains(marker, StringComparison.Ordinal);

    /// <summary>
    /// Gives the advice for a failure kind.
    /// </summary>
    /// <param name="kind">The failure.</param>
    /// <param name="context">The profile and region the run used.</param>
    /// <returns>What to do.</returns>
    public static string Advise(CdkFailureKind kind, CdkRunContext context)
    {
        var profile = context.Profile is null ? string.Empty : $" --profile {context.Profile}";
        var region = context.Region ?? "<region>";
        return kind switch
        {
            CdkFailureKind.NotBootstrapped =>
                $"The AWS account and region are not bootstrapped for the CDK. Run once: npx cdk bootstrap aws://<account-id>/{region}{profile} "
                + "(it creates the CDKToolkit stack with the asset bucket and deployment roles), then deploy again.",
            CdkFailureKind.Credentials =>
                "No usable AWS credentials were found (none configured, expired, or the profile does not exist). "
                + "Run 'aws configure' or 'aws sso login" + profile + "', or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), "
                + "or set the profile with DynamoStreams:Aws:Profile or AWS_PROFILE; then run the command again.",
            CdkFailureKind.StackFailed =>
                "CloudFormation could not apply the stack and rolled it back. The first CREATE_FAILED/UPDATE_FAILED event in the resource log names the "
                + "resource and the reason; fix it (or the declaration) and deploy again. A stack left in ROLLBACK_COMPLETE is deleted and re-created by the next deploy.",
            _ => "See the resource log for the CLI's output.",
        };
    }
}
