using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>
/// Represents the AWS CDK target of an AppHost's <c>AddDynamoStreamsLambda</c> patterns in publish mode: its pipeline
/// step writes one cloud assembly for all of them into the publish output folder.
/// </summary>
/// <param name="name">The resource name.</param>
public sealed class DynamoStreamsCloudResource(string name) : Resource(name)
{
    /// <summary>The name of the pipeline step that writes the cloud assembly; a deploy step depends on it.</summary>
    public const string PublishStepName = "publish-dynamostreams-cdk";

    /// <summary>Gets where handlers are built and assemblies cached (set from the AppHost's folder by <c>AddDynamoStreamsCloud</c>).</summary>
    public DynamoStreamsPublishOptions PublishOptions { get; } = new();

    /// <summary>Gets the cloud assembly once the publish step has run, or null before.</summary>
    public CloudAssemblyResult? Published { get; internal set; }
}
