using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Marks a pattern that can be deployed from the AppHost, with the options given in code.
/// </summary>
/// <param name="Options">The AWS options set in code (configuration fills what they leave unset).</param>
internal sealed record DeploymentAnnotation(DynamoStreamsAwsOptions Options) : IResourceAnnotation;
