using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Publishing;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>Synthesis is cached by a hash of the declaration and the handler's code: a hit skips jsii, a change re-synthesises.</summary>
public sealed class SynthesisCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dynamostreams-cdk-tests", "cache-" + Guid.NewGuid().ToString("N"));

    public SynthesisCacheTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "code"));
        File.Copy(Path.Combine(Declarations.NodeDirectory, "index.js"), Path.Combine(_root, "code", "index.js"));
    }

    private string Code => Path.Combine(_root, "code");

    // issue 8 "Build" #3: an unchanged declaration (a new but equal one) re-publishes from the cache, in place and to a new folder.
    [Fact]
    public async Task UnchangedDeclaration_Republished_ComesFromCacheWithoutSynthesis()
    {
        var publisher = Publisher();
        var output = Path.Combine(_root, "out");
        var first = await publisher.PublishAsync([PatternBuilder().Resource], output, CancellationToken.None);
        var manifestWritten = File.GetLastWriteTimeUtc(Path.Combine(output, "manifest.json"));

        var again = await publisher.PublishAsync([PatternBuilder().Resource], output, CancellationToken.None);
        var elsewhere = await publisher.PublishAsync([PatternBuilder().Resource], Path.Combine(_root, "out2"), CancellationToken.None);

        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(manifestWritten, File.GetLastWriteTimeUtc(Path.Combine(output, "manifest.json")));
        Assert.True(elsewhere.FromCache);
        Assert.Equal(["orders"], elsewhere.StackNames);
        Assert.Equal(
            File.ReadAllText(Path.Combine(output, "orders.template.json")),
            File.ReadAllText(Path.Combine(elsewhere.Directory, "orders.template.json")));
    }

    // issue 8 "Build" #3: a changed option misses the cache and the new template carries it.
    [Fact]
    public async Task ChangedOption_Republished_Resynthesises()
    {
        var publisher = Publisher();
        var output = Path.Combine(_root, "out");
        var first = await publisher.PublishAsync([PatternBuilder().Resource], output, CancellationToken.None);

        var changed = await publisher.PublishAsync([PatternBuilder().WithFunction(f => f.MemorySize = 256).Resource], output, CancellationToken.None);

        Assert.False(changed.FromCache);
        Assert.NotEqual(first.Hash, changed.Hash);
        Assert.Contains("\"MemorySize\": 256", File.ReadAllText(Path.Combine(output, "orders.template.json")), StringComparison.Ordinal);
    }

    // issue 8 "Build" #3: a change of the handler's code misses the cache; the new asset replaces the old one.
    [Fact]
    public async Task ChangedHandlerCode_Republished_ResynthesisesWithNewAsset()
    {
        var publisher = Publisher();
        var output = Path.Combine(_root, "out");
        var first = await publisher.PublishAsync([PatternBuilder().Resource], output, CancellationToken.None);
        var firstAssets = Directory.GetDirectories(output, "asset.*");

        File.AppendAllText(Path.Combine(Code, "index.js"), "\n// changed\n");
        var changed = await publisher.PublishAsync([PatternBuilder().Resource], output, CancellationToken.None);

        Assert.False(changed.FromCache);
        Assert.NotEqual(first.Hash, changed.Hash);
        var asset = Assert.Single(Directory.GetDirectories(output, "asset.*"));
        Assert.DoesNotContain(asset, firstAssets);
        Assert.EndsWith("// changed\n", File.ReadAllText(Path.Combine(asset, "index.js")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private DynamoStreamsCloudPublisher Publisher() =>
        new(new DynamoStreamsPublishOptions { StagingDirectory = Path.Combine(_root, "staging"), AppHostDirectory = _root });

    private IResourceBuilder<DynamoStreamsLambdaResource> PatternBuilder() =>
        Declarations.NewAppHost().AddDynamoStreamsLambda(Declarations.PatternName, LambdaHandler.FromNodeCode(Code));
}
