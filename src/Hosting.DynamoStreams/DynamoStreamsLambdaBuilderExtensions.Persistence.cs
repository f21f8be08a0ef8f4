using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>The folder, under the AppHost's directory, that <see cref="WithDataDirectory"/> uses when given no path.</summary>
    public const string DefaultDataDirectoryName = ".dynamostreams";

    /// <summary>
    /// Keeps the local run's data on disk: the emulator's tables, streams and queues, and every mapping's checkpoints
    /// (with <see cref="RunWithDynamoDBLocal"/>, DynamoDB Local's database goes to a named Docker volume),
    /// so a restarted AppHost finds its items and each mapping resumes after the last record it handled. Local-only.
    /// </summary>
    /// <remarks>
    /// The emulator is shared by every pattern of the AppHost, so the folder applies to all of them; calling this on two
    /// patterns with different folders is an error. Without it a local run starts empty and forgets everything when it stops.
    /// </remarks>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="path">The folder (created when missing); relative paths are relative to the AppHost's directory. Null uses <c>.dynamostreams</c> there.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The path is not a valid folder name, or another pattern chose another folder.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithDataDirectory(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var pattern = builder.Resource;
        if (path is not null && (path.Trim().Length == 0 || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern,
                $"WithDataDirectory(\"{path}\") is not a valid folder path: pass a folder such as \".dynamostreams\" (relative to the AppHost) or an absolute path, or no argument for the default.");
        }

        var full = Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, path ?? DefaultDataDirectoryName));
        var emulator = pattern.Emulator;
        if (emulator.DataDirectory is { } chosen && !string.Equals(chosen, full, StringComparison.Ordinal))
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern,
                $"WithDataDirectory(\"{full}\") conflicts with \"{chosen}\", chosen by another pattern: the AppHost has one emulator and one data folder; call WithDataDirectory with the same folder everywhere, or on one pattern only.");
        }

        emulator.DataDirectory = full;
        if (emulator.DynamoDBLocal is { } dynamoDBLocal)
        {
            AddDynamoDBLocalVolumeIfPersistent(builder.ApplicationBuilder.CreateResourceBuilder(dynamoDBLocal), emulator);
        }

        return builder;
    }
}
