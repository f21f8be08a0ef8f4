using Aspire.Hosting.DynamoStreams.Local;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Represents the pattern's DynamoDB table and its stream: created in the emulator locally, by the stack in AWS.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="parent">The pattern.</param>
public sealed class DynamoStreamsTableResource(string name, DynamoStreamsLambdaResource parent)
    : Resource(name), IResourceWithParent<DynamoStreamsLambdaResource>
{
    /// <summary>Gets the pattern that declares the table.</summary>
    public DynamoStreamsLambdaResource Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    internal TaskCompletionSource<LocalTableInfo> Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
