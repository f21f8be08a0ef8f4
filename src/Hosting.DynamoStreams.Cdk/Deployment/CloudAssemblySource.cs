using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Publishing;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Produces the cloud assembly a deployment runs <c>cdk deploy --app</c> on, through the publish path
/// (<see cref="DynamoStreamsCloudPublisher"/>: handler packaging, synthesis, and its cache, so an unchanged declaration
/// costs no synthesis). The only part of the deploy path that may start jsii.
/// </summary>
internal static class CloudAssemblySource
{
    /// <summary>
    /// Publishes the stack of <paramref name="pattern"/>, with the stacks of the patterns whose table it reads, into a folder.
    /// </summary>
    /// <param name="pattern">The pattern to deploy.</param>
    /// <param name="directory">The cloud assembly folder.</param>
    /// <param name="appHostDirectory">The AppHost's folder: handler projects are resolved and built under it.</param>
    /// <param name="logger">Receives progress.</param>
    /// <param name="cancellationToken">Cancels packaging and waiting for synthesis.</param>
    /// <returns>The cloud assembly folder.</returns>
    public static async Task<string> ProduceAsync(DynamoStreamsLambdaResource pattern, string directory, string appHostDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var patterns = new List<DynamoStreamsLambdaResource>();
        for (var current = pattern; current is not null && !patterns.Contains(current); current = current.ExistingTable?.Pattern)
        {
            patterns.Add(current);
        }

        var publisher = new DynamoStreamsCloudPublisher(new DynamoStreamsPublishOptions
        {
            StagingDirectory = Path.Combine(appHostDirectory, "obj", "dynamostreams"),
            AppHostDirectory = appHostDirectory,
        }, logger);
        var result = await publisher.PublishAsync(patterns, directory, cancellationToken).ConfigureAwait(false);
        return result.Directory;
    }

    /// <summary>
    /// Gets the name of the pattern's stack: <c>StackProps.StackName</c> from <c>WithCdkStackOptions</c>, else the pattern's name.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The stack name.</returns>
    public static string StackNameOf(DynamoStreamsLambdaResource pattern)
    {
        var options = new DynamoStreamsStackOptions();
        foreach (var annotation in pattern.Annotations.OfType<DynamoStreamsStackOptionsAnnotation>())
        {
            annotation.Configure(options);
        }

        return options.StackProps?.StackName ?? pattern.Name;
    }
}
