namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Represents DynamoDB Local (<c>amazon/dynamodb-local</c>) in a container, serving the local run's tables and streams
/// instead of the embedded emulator (which keeps serving the dead-letter queues). Needs Docker or Podman.
/// </summary>
/// <param name="name">The resource name.</param>
public sealed class DynamoDBLocalResource(string name) : ContainerResource(name)
{
    /// <summary>The name of the HTTP endpoint.</summary>
    public const string PrimaryEndpointName = "http";

    /// <summary>The port DynamoDB Local listens on inside the container.</summary>
    public const int ContainerPort = 8000;

    /// <summary>The folder inside the container where DynamoDB Local keeps its database when data persists.</summary>
    public const string DataPath = "/home/dynamodblocal/data";

    /// <summary>Gets the HTTP endpoint (DynamoDB and DynamoDB Streams on one port).</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    internal TaskCompletionSource<Uri> EndpointSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
