namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Describes how to start the CDK CLI: the program and the arguments that come before the CLI's own.
/// </summary>
/// <param name="FileName">The program: Node.js, a <c>cdk</c> executable, or <c>npx</c>.</param>
/// <param name="PrefixArguments">The arguments before the CLI command (the script path for Node.js, <c>--yes aws-cdk@x</c> for npx).</param>
/// <param name="Description">Says where the CLI was found, for the resource log.</param>
internal sealed record CdkToolchain(string FileName, IReadOnlyList<string> PrefixArguments, string Description);
