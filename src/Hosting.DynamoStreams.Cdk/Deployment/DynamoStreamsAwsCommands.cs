namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Names the dashboard commands that deploy and destroy a pattern's stack (also usable through <c>ResourceCommandService</c>).
/// </summary>
public static class DynamoStreamsAwsCommands
{
    /// <summary>Runs <c>cdk deploy</c> on the pattern's stack (on the pattern resource).</summary>
    public const string Deploy = "deploy-aws";

    /// <summary>Runs <c>cdk destroy --force</c> on the pattern's stack after a confirmation (on the pattern resource).</summary>
    public const string Destroy = "destroy-aws";
}
