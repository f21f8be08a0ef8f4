namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Holds the settings one CDK CLI run uses: the cloud assembly, the stacks, the profile and region, and the CLI's environment.
/// </summary>
/// <param name="CloudAssemblyDirectory">The synthesized cloud assembly (<c>--app</c>).</param>
/// <param name="StackNames">The stacks to deploy or destroy.</param>
/// <param name="Profile">The AWS profile (<c>--profile</c>), or null.</param>
/// <param name="Region">The region (<c>AWS_REGION</c>, <c>CDK_DEFAULT_REGION</c>), or null for the profile's.</param>
internal sealed record CdkRunContext(string CloudAssemblyDirectory, IReadOnlyList<string> StackNames, string? Profile, string? Region);
