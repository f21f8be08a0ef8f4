using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Marks a pattern whose stack is deployed, in this AppHost run, with its event-source mapping disabled because the
/// handler runs locally against the real stream (<c>RunInAws(aws =&gt; aws.LocalHandler = true)</c>).
/// </summary>
internal sealed class CloudMappingDisabledAnnotation : IResourceAnnotation
{
    /// <summary>Gets whether the pattern's generated stack disables its event-source mapping.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>True when the local handler consumes the real stream in this run.</returns>
    public static bool IsSet(IResource pattern) => pattern.Annotations.OfType<CloudMappingDisabledAnnotation>().Any();
}
