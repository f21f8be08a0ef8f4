using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Names the states a pattern resource shows while it is deployed to or destroyed in AWS.
/// </summary>
internal static class DeploymentStates
{
    /// <summary>The CDK CLI is deploying the stack.</summary>
    public static readonly ResourceStateSnapshot Deploying = new("Deploying", KnownResourceStateStyles.Info);

    /// <summary>The stack is deployed; its outputs are the resource's <c>dynamostreams.aws.*</c> properties.</summary>
    public static readonly ResourceStateSnapshot Deployed = new("Deployed", KnownResourceStateStyles.Success);

    /// <summary>The CDK CLI is destroying the stack.</summary>
    public static readonly ResourceStateSnapshot Destroying = new("Destroying", KnownResourceStateStyles.Info);

    /// <summary>The stack is deleted (a retained table stays in the account).</summary>
    public static readonly ResourceStateSnapshot Destroyed = new("Destroyed", KnownResourceStateStyles.Info);

    /// <summary>
    /// Creates the named failure state.
    /// </summary>
    /// <param name="failure">The failure.</param>
    /// <returns>The state, styled as an error.</returns>
    public static ResourceStateSnapshot Failed(CdkFailure failure) => new(failure.StateText, KnownResourceStateStyles.Error);

    /// <summary>Gets whether a state text is one of a CLI run in progress.</summary>
    /// <param name="state">The state text.</param>
    /// <returns>True while deploying or destroying.</returns>
    public static bool IsBusy(string? state) => state == Deploying.Text || state == Destroying.Text;
}
