namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>Configures <see cref="DynamoStreamsCloudPublisher"/>: where handlers are built and cached assemblies kept.</summary>
public sealed class DynamoStreamsPublishOptions
{
    /// <summary>
    /// Gets or sets the obj-like folder for the handlers' publish outputs and the synthesis cache (the AppHost path uses
    /// <c>{AppHost}/obj/dynamostreams</c>). Required.
    /// </summary>
    public string StagingDirectory { get; set; } = "";

    /// <summary>Gets or sets the folder a relative handler project path is resolved against (default: the current folder).</summary>
    public string AppHostDirectory { get; set; } = Environment.CurrentDirectory;

    /// <summary>Gets or sets the build configuration of .NET handlers (default <c>Release</c>).</summary>
    public string Configuration { get; set; } = "Release";

    /// <summary>Gets or sets whether to synthesise even when the cache holds an assembly for the same inputs.</summary>
    public bool ClearCache { get; set; }
}
