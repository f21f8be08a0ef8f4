using Aspire.Hosting.DynamoStreams.Local;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Represents the SQS dead-letter queue that receives the metadata of discarded batches (the mapping's on-failure destination).
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="parent">The pattern.</param>
public sealed class DynamoStreamsDeadLetterQueueResource(string name, DynamoStreamsLambdaResource parent)
    : Resource(name), IResourceWithParent<DynamoStreamsLambdaResource>
{
    /// <summary>Gets the pattern that declares the queue.</summary>
    public DynamoStreamsLambdaResource Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    internal TaskCompletionSource<LocalQueueInfo> Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
