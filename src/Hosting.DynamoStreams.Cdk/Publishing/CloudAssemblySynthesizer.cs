using Amazon.CDK;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>Synthesises the stacks of all patterns into one CDK cloud assembly; the only part of publishing that starts jsii.</summary>
internal static class CloudAssemblySynthesizer
{
    // jsii runs one Node.js process per .NET process and does not take concurrent calls.
    private static readonly SemaphoreSlim s_jsii = new(1, 1);

    /// <summary>Synthesises into <paramref name="directory"/> (created fresh) and stamps it.</summary>
    /// <param name="directory">The assembly folder.</param>
    /// <param name="hash">The inputs' hash.</param>
    /// <param name="patterns">The declarations, owners first.</param>
    /// <param name="options">Each pattern's stack options, with its packaged code.</param>
    /// <param name="cancellationToken">Cancels waiting for another synthesis.</param>
    /// <returns>The stamp written into the folder.</returns>
    public static async Task<CloudAssemblyStamp> SynthesizeAsync(
        string directory,
        string hash,
        IReadOnlyList<DynamoStreamsLambdaResource> patterns,
        IReadOnlyDictionary<DynamoStreamsLambdaResource, DynamoStreamsStackOptions> options,
        CancellationToken cancellationToken)
    {
        await s_jsii.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            var app = new App(new AppProps { Outdir = directory });
            var stacks = DynamoStreamsStackBuilder.AddStacks(app, patterns, pattern => options[pattern]);
            var names = stacks.Select(stack => stack.StackName).ToList();
            app.Synth();

            var entries = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
            var stamp = new CloudAssemblyStamp(hash, names, entries);
            stamp.Write(directory);
            return stamp;
        }
        finally
        {
            s_jsii.Release();
        }
    }
}
