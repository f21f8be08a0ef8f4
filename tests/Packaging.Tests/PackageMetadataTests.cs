using System.IO.Compression;
using System.Xml.Linq;
using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>issue 14: every package the pack command gives carries what nuget.org and a user's IDE read.</summary>
[Collection(ConsumerCollection.Name)]
public sealed class PackageMetadataTests(ConsumerFixture consumer)
{
    public static TheoryData<string> PackageIds => [.. ConsumerFixture.Packages.Select(p => p.PackageId)];

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Pack_EveryPackage_HasReadmeLicenceIconRepositoryAndTags(string packageId)
    {
        using var package = ZipFile.OpenRead(consumer.PackagePath(packageId));
        var metadata = ReadNuspec(package, packageId);

        Assert.Equal(consumer.Version, Value(metadata, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "tags")));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", Element(metadata, "license").Attribute("type")?.Value);
        Assert.NotNull(package.GetEntry(Value(metadata, "readme")));
        Assert.NotNull(package.GetEntry(Value(metadata, "icon")));
        var repository = Element(metadata, "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://github.com/", repository.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Pack_EveryLibrary_HasASymbolPackageWithItsPdbs(string packageId)
    {
        if (packageId == ConsumerFixture.TemplatePackageId)
        {
            // A template pack has no assembly, so no symbols.
            Assert.False(File.Exists(consumer.PackagePath(packageId, ".snupkg")));
            return;
        }

        using var symbols = ZipFile.OpenRead(consumer.PackagePath(packageId, ".snupkg"));
        Assert.Contains(symbols.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Pack_AspireIntegration_NeverDependsOnTheCdkEvenTransitively()
    {
        // A local run must not load jsii/Amazon.CDK.Lib: only the cloud half's package may bring them.
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(["DynamoStreams.Aspire.Hosting"]);
        while (queue.TryDequeue(out var id))
        {
            if (!reached.Add(id) || !id.StartsWith("DynamoStreams.", StringComparison.Ordinal))
            {
                continue;
            }

            using var package = ZipFile.OpenRead(consumer.PackagePath(id));
            foreach (var dependency in ReadNuspec(package, id).Descendants().Where(e => e.Name.LocalName == "dependency"))
            {
                queue.Enqueue(dependency.Attribute("id")!.Value);
            }
        }

        Assert.Contains("DynamoStreams.Emulator", reached);
        Assert.Contains("DynamoStreams.LocalLambda", reached);
        Assert.DoesNotContain(reached, id => id.StartsWith("Amazon.CDK", StringComparison.OrdinalIgnoreCase) || id.Equals("Amazon.JSII.Runtime", StringComparison.OrdinalIgnoreCase) || id == "DynamoStreams.Construct");
    }

    [Fact]
    public void Pack_Template_ReferencesThePackagesOfItsOwnVersion()
    {
        using var package = ZipFile.OpenRead(consumer.PackagePath(ConsumerFixture.TemplatePackageId));
        var metadata = ReadNuspec(package, ConsumerFixture.TemplatePackageId);
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && e.Attribute("name")?.Value == "Template");
        using var reader = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".template.config/template.json", StringComparison.Ordinal)).Open());
        var templateJson = reader.ReadToEnd();
        Assert.Contains($"\"value\": \"{consumer.Version}\"", templateJson);
        Assert.DoesNotContain("DYNAMOSTREAMS_PACK_VERSION", templateJson);
    }

    private static XElement ReadNuspec(ZipArchive package, string packageId)
    {
        using var stream = package.GetEntry($"{packageId}.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>.");

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;
}
