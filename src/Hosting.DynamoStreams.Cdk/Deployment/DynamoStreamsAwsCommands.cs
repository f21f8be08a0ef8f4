namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Names the dashboard commands that deploy and destroy a pattern's stack, and those that control the local handler of
/// <c>RunInAws(aws =&gt; aws.LocalHandler = true)</c> (also usable through <c>ResourceCommandService</c>).
/// </summary>
public static class DynamoStreamsAwsCommands
{
    /// <summary>Runs <c>cdk deploy</c> on the pattern's stack (on the pattern resource).</summary>
    public const string Deploy = "deploy-aws";

    /// <summary>Runs <c>cdk destroy --force</c> on the pattern's stack after a confirmation (on the pattern resource).</summary>
    public const string Destroy = "destroy-aws";

    /// <summary>Stops the local mapping from reading the real stream; records wait there at the checkpoint (on the pattern resource).</summary>
    public const string PauseLocalHandler = "pause-local-handler";

    /// <summary>Resumes the local mapping at its checkpoint (on the pattern resource).</summary>
    public const string ResumeLocalHandler = "resume-local-handler";

    /// <summary>
    /// Forgets the local mapping's checkpoints and delivers every record still in the real stream (up to 24 hours) to
    /// the local handler again, after a confirmation (on the pattern resource).
    /// </summary>
    public const string ReplayRealStream = "replay-real-stream";
}
