using Amazon.CDK;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Produces the cloud assembly a deployment runs <c>cdk deploy --app</c> on. The only place of the deploy path that starts jsii.
/// </summary>
/// <remarks>
/// Seam: this synthesises with <see cref="DynamoStreamsStackBuilder"/> and <c>App.Synth()</c> directly; the publish
/// path's packaging and synthesis cache replace it once they are on main.
/// </remarks>
internal static class CloudAssemblySource
{
    // jsii runs one Node.js process per .NET process and does not take concurrent calls.
    private static readonly SemaphoreSlim s_jsii = new(1, 1);

    /// <summary>
    /// Synthesises the stack of <paramref name="pattern"/> (and of the pattern whose table it reads) into a folder.
    /// </summary>
    /// <param name="pattern">The pattern to deploy.</param>
    /// <param name="directory">The cloud assembly folder, created fresh.</param>
    /// <param name="logger">Receives progress.</param>
    /// <param name="cancellationToken">Cancels waiting for another synthesis.</param>
    /// <returns>The cloud assembly folder and the pattern's stack name.</returns>
    public static async Task<(string Directory, string StackName)> ProduceAsync(DynamoStreamsLambdaResource pattern, string directory, ILogger logger, CancellationToken cancellationToken)
    {
        await s_jsii.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() =>
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                logger.LogInformation("Synthesising the stack of '{Pattern}' with the AWS CDK into {Directory}.", pattern.Name, directory);
                var options = pattern.Annotations.OfType<DeploymentAnnotation>().LastOrDefault()?.StackOptions ?? new DynamoStreamsStackOptions();
                var stack = DynamoStreamsStackBuilder.Build(directory, pattern, options);
                ((App)stack.Node.Root).Synth();
                return (directory, stack.StackName);
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            s_jsii.Release();
        }
    }
}
