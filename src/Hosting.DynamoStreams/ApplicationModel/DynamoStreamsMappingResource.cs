namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Represents the event-source mapping from the table's stream to the function: the local mapping engine in run mode,
/// an <c>AWS::Lambda::EventSourceMapping</c> in AWS.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="parent">The pattern.</param>
public sealed class DynamoStreamsMappingResource(string name, DynamoStreamsLambdaResource parent)
    : Resource(name), IResourceWithParent<DynamoStreamsLambdaResource>
{
    /// <summary>Gets the pattern that declares the mapping.</summary>
    public DynamoStreamsLambdaResource Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    internal TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal DynamoStreams.Local.ILocalMapping? Mapping { get; set; }
}
