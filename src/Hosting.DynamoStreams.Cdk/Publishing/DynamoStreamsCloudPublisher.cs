using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Packaging;
using Aspire.Hosting.DynamoStreams.Extensibility;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>
/// Publishes the <c>AddDynamoStreamsLambda</c> declarations of an AppHost as one CDK cloud assembly (a template per
/// pattern stack, the assets, <c>manifest.json</c>, and a <c>README.md</c> saying how to deploy it) without deploying it: packages each handler, then synthesises, or
/// reuses the cached assembly when the declarations and the handlers' code are unchanged.
/// </summary>
/// <example>
/// <code language="csharp">
/// var publisher = new DynamoStreamsCloudPublisher(new DynamoStreamsPublishOptions { StagingDirectory = "obj/dynamostreams" });
/// var assembly = await publisher.PublishAsync(model, "cdk.out", cancellationToken);
/// // cdk deploy --app cdk.out assembly.StackNames...
/// </code>
/// </example>
public sealed class DynamoStreamsCloudPublisher
{
    private readonly DynamoStreamsPublishOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a publisher.</summary>
    /// <param name="options">Where handlers are built and assemblies cached.</param>
    /// <param name="logger">Receives progress; none when null.</param>
    /// <exception cref="ArgumentException"><see cref="DynamoStreamsPublishOptions.StagingDirectory"/> is empty.</exception>
    public DynamoStreamsCloudPublisher(DynamoStreamsPublishOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.StagingDirectory))
        {
            throw new ArgumentException("DynamoStreamsPublishOptions.StagingDirectory is empty: set it to an obj-like folder for handler builds and the synthesis cache.", nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Publishes every pattern of <paramref name="model"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="model">The AppHost's model.</param>
    /// <param name="outputDirectory">The cloud assembly folder; files in it that are not the assembly's are left alone.</param>
    /// <param name="cancellationToken">Cancels packaging and waiting for synthesis.</param>
    /// <returns>The cloud assembly.</returns>
    /// <exception cref="DistributedApplicationException">The model has no pattern, a handler cannot be packaged, or a stack cannot be built.</exception>
    public Task<CloudAssemblyResult> PublishAsync(DistributedApplicationModel model, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return PublishAsync(model.Resources.OfType<DynamoStreamsLambdaResource>(), outputDirectory, cancellationToken);
    }

    /// <summary>Publishes <paramref name="patterns"/> (a shared table's owner among them) into <paramref name="outputDirectory"/>.</summary>
    /// <param name="patterns">The declarations.</param>
    /// <param name="outputDirectory">The cloud assembly folder; files in it that are not the assembly's are left alone.</param>
    /// <param name="cancellationToken">Cancels packaging and waiting for synthesis.</param>
    /// <returns>The cloud assembly.</returns>
    /// <exception cref="DistributedApplicationException">There is no pattern, a handler cannot be packaged, or a stack cannot be built.</exception>
    public async Task<CloudAssemblyResult> PublishAsync(IEnumerable<DynamoStreamsLambdaResource> patterns, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var ordered = DynamoStreamsStackBuilder.OwnersFirst(patterns);
        if (ordered.Count == 0)
        {
            throw new DistributedApplicationException("There is nothing to publish: the AppHost declares no AddDynamoStreamsLambda pattern.");
        }

        foreach (var pattern in ordered)
        {
            if (pattern.ExistingTable?.Pattern is { } owner && !ordered.Contains(owner))
            {
                throw new DistributedApplicationException(
                    $"DynamoStreams pattern '{pattern.Name}' reads the table of the pattern '{owner.Name}', which is not published with it: publish both together.");
            }
        }

        var output = Path.GetFullPath(outputDirectory);
        var packager = new HandlerPackager(Path.GetFullPath(_options.StagingDirectory), _options.AppHostDirectory, _options.Configuration);
        var fingerprint = new DeclarationFingerprint();
        var stackOptions = new Dictionary<DynamoStreamsLambdaResource, DynamoStreamsStackOptions>();
        foreach (var pattern in ordered)
        {
            if (DynamoStreamsRunModes.RuntimeDeprecationWarning(pattern) is { } runtimeWarning)
            {
                _logger.LogWarning("{Warning}", runtimeWarning);
            }

            var options = new DynamoStreamsStackOptions();
            foreach (var annotation in pattern.Annotations.OfType<DynamoStreamsStackOptionsAnnotation>())
            {
                annotation.Configure(options);
            }

            var package = await packager.PackageAsync(pattern, options.HandlerCodeDirectory, cancellationToken).ConfigureAwait(false);
            if (package is not null)
            {
                _logger.LogInformation("Packaged the handler of '{Pattern}' in {Directory}.", pattern.Name, package.Directory);
                options.HandlerCodeDirectory = package.Directory;
                options.PackagedHandler = package.Handler;
            }

            AddToFingerprint(fingerprint, pattern, options, package);
            stackOptions[pattern] = options;
        }

        fingerprint.AddCodeVersions();
        var hash = fingerprint.ComputeHash();
        return await PublishAssemblyAsync(hash, ordered, stackOptions, output, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CloudAssemblyResult> PublishAssemblyAsync(
        string hash,
        IReadOnlyList<DynamoStreamsLambdaResource> patterns,
        Dictionary<DynamoStreamsLambdaResource, DynamoStreamsStackOptions> stackOptions,
        string output,
        CancellationToken cancellationToken)
    {
        if (!_options.ClearCache && CloudAssemblyStamp.Read(output) is { } current && current.Hash == hash)
        {
            _logger.LogInformation("The cloud assembly in {Output} is up to date: synthesis skipped.", output);
            if (!File.Exists(Path.Combine(output, CloudAssemblyReadme.FileName)))
            {
                CloudAssemblyReadme.Write(output, current.StackNames);
            }

            return new CloudAssemblyResult(output, current.StackNames, FromCache: true, hash);
        }

        var cache = new SynthesisCache(Path.Combine(Path.GetFullPath(_options.StagingDirectory), "cdk.out"));
        var stamp = _options.ClearCache ? null : cache.Find(hash);
        var fromCache = stamp is not null;
        if (stamp is null)
        {
            _logger.LogInformation("Synthesising {Count} stack(s) with the AWS CDK.", patterns.Count);
            stamp = await CloudAssemblySynthesizer.SynthesizeAsync(cache.PathFor(hash), hash, patterns, stackOptions, cancellationToken).ConfigureAwait(false);
            cache.Prune();
        }

        cache.CopyTo(stamp, output);
        CloudAssemblyReadme.Write(output, stamp.StackNames);
        _logger.LogInformation("Wrote the cloud assembly of stack(s) {Stacks} to {Output}.", string.Join(", ", stamp.StackNames), output);
        return new CloudAssemblyResult(output, stamp.StackNames, fromCache, hash);
    }

    internal static void AddToFingerprint(DeclarationFingerprint fingerprint, DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions options, HandlerPackage? package)
    {
        var prefix = pattern.Name + ".";
        fingerprint.Add(prefix + "handler", pattern.Handler);
        fingerprint.Add(prefix + "table", pattern.ExistingTable is null ? pattern.Table : null);
        fingerprint.Add(prefix + "existingTable", pattern.ExistingTable);
        fingerprint.Add(prefix + "eventSource", pattern.EventSource);
        fingerprint.Add(prefix + "function", pattern.Function);
        fingerprint.Add(prefix + "deploySqsDlqQueue", pattern.DeploySqsDlqQueue);
        fingerprint.Add(prefix + "deadLetterQueue", pattern.DeadLetterQueue);
        fingerprint.Add(prefix + "cloudMappingDisabled", AwsRunMode.CloudMappingDisabledAnnotation.IsSet(pattern));
        fingerprint.Add(prefix + "hooks", pattern.Annotations.OfType<DynamoStreamsCdkAnnotation>().ToList());
        fingerprint.Add(prefix + "stackOptions", options);
        fingerprint.Add(prefix + "code", package);
    }
}
