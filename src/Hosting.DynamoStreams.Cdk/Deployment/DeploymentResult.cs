namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Holds the outcome of a deploy or destroy of a pattern's stack.
/// </summary>
/// <param name="StackName">The stack.</param>
/// <param name="Outputs">The deployed stack's outputs (deploy only), or null.</param>
/// <param name="Failure">Why it failed, or null when it succeeded.</param>
public sealed record DeploymentResult(string StackName, DynamoStreamsStackOutputs? Outputs, CdkFailure? Failure)
{
    /// <summary>Gets whether the operation succeeded.</summary>
    public bool Succeeded => Failure is null;
}
