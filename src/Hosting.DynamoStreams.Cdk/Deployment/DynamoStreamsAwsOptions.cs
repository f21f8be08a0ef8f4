namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Holds how the AppHost reaches AWS to deploy a pattern: profile, region and where the CDK CLI is. Every value can
/// come from configuration (section <c>DynamoStreams:Aws</c>) or the standard AWS variables; explicit values win.
/// </summary>
public sealed class DynamoStreamsAwsOptions
{
    /// <summary>The configuration section read for these options.</summary>
    public const string SectionName = "DynamoStreams:Aws";

    /// <summary>The AWS CDK CLI version run through <c>npx</c> when <see cref="AllowNpx"/> is on and no CLI is installed.</summary>
    public const string PinnedCdkCliVersion = "2.1149.0";

    /// <summary>
    /// Gets or sets the AWS profile passed to the CLI as <c>--profile</c> (configuration <c>DynamoStreams:Aws:Profile</c>, else
    /// <c>AWS_PROFILE</c>). When none is set, the CLI uses its default credential chain.
    /// </summary>
    public string? Profile { get; set; }

    /// <summary>
    /// Gets or sets the region to deploy to, given to the CLI as <c>AWS_REGION</c> and <c>CDK_DEFAULT_REGION</c>
    /// (configuration <c>DynamoStreams:Aws:Region</c>, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>; when none is set
    /// the CLI uses the profile's region).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// Gets or sets the CDK CLI to run (configuration <c>DynamoStreams:Aws:CdkCli</c>): the path of the <c>aws-cdk</c>
    /// package's <c>bin/cdk</c> script (run with Node.js) or of an executable. When unset, the CLI is looked up in a
    /// <c>node_modules</c> folder above the AppHost, then as <c>cdk</c> on the PATH.
    /// </summary>
    public string? CdkCli { get; set; }

    /// <summary>
    /// Gets or sets whether <c>npx --yes aws-cdk@<see cref="PinnedCdkCliVersion"/></c> may be run (it downloads the CLI from
    /// npm) when no CLI is installed (configuration <c>DynamoStreams:Aws:AllowNpx</c>; off by default).
    /// </summary>
    public bool AllowNpx { get; set; }

    /// <summary>
    /// Gets or sets the folder holding the synthesized cloud assembly and the stack outputs files (configuration
    /// <c>DynamoStreams:Aws:WorkingDirectory</c>; default <c>obj/dynamostreams-aws</c> under the AppHost folder).
    /// </summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>
    /// Gets or sets whether the AWS run mode (<c>RunInAws()</c>) runs <c>cdk deploy</c> at every AppHost start (configuration
    /// <c>DynamoStreams:Aws:DeployOnStart</c>; default true: CloudFormation makes it a no-op when nothing changed). When
    /// false, the outputs of the last deploy from this AppHost are used as they are, and a deploy runs only when there are none.
    /// </summary>
    public bool? DeployOnStart { get; set; }

    /// <summary>
    /// Gets or sets whether the AWS run mode (<c>RunInAws()</c>) keeps the handler local for debugging against real data
    /// (configuration <c>DynamoStreams:Aws:LocalHandler</c>; default false). The stack is deployed with its event-source
    /// mapping disabled, so the cloud function does not consume the stream, and the handler runs in the AppHost's run
    /// (behind the Runtime API host, under the debugger) fed by the local mapping engine reading the real stream with the
    /// developer's credentials; OnFailure documents go to the real dead-letter queue. Deploying without it (a run without
    /// the option, <c>aspire deploy</c>, or the dashboard's "Deploy to AWS" in such a run) enables the cloud mapping again.
    /// Read when <c>RunInAws()</c> is called: set it in that call's callback or in configuration.
    /// </summary>
    public bool? LocalHandler { get; set; }
}
