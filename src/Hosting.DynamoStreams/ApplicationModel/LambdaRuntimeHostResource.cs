namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Represents the AppHost's one Lambda Runtime API host: handler processes long-poll it for invocations, one path prefix per function.
/// </summary>
/// <param name="name">The resource name.</param>
public sealed class LambdaRuntimeHostResource(string name) : Resource(name)
{
    /// <summary>Gets the endpoint once the host listens, or null before.</summary>
    public Uri? Endpoint => EndpointSource.Task.IsCompletedSuccessfully ? EndpointSource.Task.Result : null;

    internal TaskCompletionSource<Uri> EndpointSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
