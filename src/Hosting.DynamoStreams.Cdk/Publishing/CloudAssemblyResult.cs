namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>Describes a published cloud assembly: where it is, its stacks, and whether synthesis was skipped.</summary>
/// <param name="Directory">The cloud assembly folder (holds <c>manifest.json</c>); pass it to <c>cdk deploy --app</c>.</param>
/// <param name="StackNames">The stacks, owners of shared tables first: one per pattern, named by the pattern unless <c>StackProps.StackName</c> is set.</param>
/// <param name="FromCache">Whether the assembly came from the synthesis cache without starting jsii.</param>
/// <param name="Hash">The hash of the declarations and handler code the assembly was synthesised from.</param>
public sealed record CloudAssemblyResult(string Directory, IReadOnlyList<string> StackNames, bool FromCache, string Hash);
