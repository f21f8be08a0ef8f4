namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Represents the AppHost's one embedded DynamoDB + Streams + SQS emulator, hosted in-process on loopback and shared by every pattern.
/// </summary>
/// <param name="name">The resource name.</param>
public sealed class DynamoStreamsEmulatorResource(string name) : Resource(name)
{
    /// <summary>Gets or sets the AWS region the emulator reports (default <c>us-east-1</c>).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Gets or sets the account id in local ARNs (default <c>000000000000</c>).</summary>
    public string AccountId { get; set; } = "000000000000";

    /// <summary>Gets or sets the folder where tables, queues and mapping checkpoints persist; null keeps them in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Gets the DynamoDB Local container that serves tables and streams instead of the emulator, or null.</summary>
    public DynamoDBLocalResource? DynamoDBLocal { get; internal set; }

    /// <summary>Gets the endpoint once the emulator listens, or null before.</summary>
    public Uri? Endpoint => EndpointSource.Task.IsCompletedSuccessfully ? EndpointSource.Task.Result : null;

    internal TaskCompletionSource<Uri> EndpointSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
