using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Marks a pattern that runs in AWS in this AppHost run (<c>RunInAws()</c>).
/// </summary>
internal sealed class AwsRunModeAnnotation : IResourceAnnotation;
