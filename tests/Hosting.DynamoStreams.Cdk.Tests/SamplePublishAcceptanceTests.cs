using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using DynamoStreams.Tests.Shared;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>
/// The sample AppHost, published as <c>aspire publish</c> runs it, gives a cloud assembly the real CDK CLI accepts
/// offline, with complete assets and a bootstrap that serves invocations.
/// </summary>
public sealed class SamplePublishAcceptanceTests(SamplePublishFixture sample) : IClassFixture<SamplePublishFixture>
{
    // issue 8 "Tests" #2: `cdk ls` reads the assembly without credentials and lists one stack per pattern.
    [Fact]
    public async Task SampleAssembly_CdkLs_ListsOneStackPerPattern()
    {
        var (exitCode, output) = await CdkCli.RunAsync("ls", "--app", sample.Output);

        Assert.True(exitCode == 0, output);
        Assert.Equal(["orders", "audit"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l is "orders" or "audit"));
    }

    // issue 19 #5: the output folder says, for whoever deploys it, which stacks in which order, their parameters and
    // outputs, and the exact deploy command; the CLI tests above run on the same folder, README included.
    [Fact]
    public void SampleAssembly_Readme_NamesTheStacksInOrderTheirParametersAndTheDeployCommand()
    {
        var readme = File.ReadAllText(Path.Combine(sample.Output, "README.md"));

        Assert.Contains($"npx cdk deploy --app \"{sample.Output}\" --all", readme, StringComparison.Ordinal);
        var orders = readme.IndexOf("| `orders` |", StringComparison.Ordinal);
        var audit = readme.IndexOf("| `audit` |", StringComparison.Ordinal);
        Assert.True(orders >= 0 && audit > orders, readme);
        foreach (var stack in new[] { "orders", "audit" })
        {
            var template = sample.Read($"{stack}.template.json");
            var row = readme.Split('\n').Single(l => l.StartsWith($"| `{stack}` |", StringComparison.Ordinal));
            foreach (var parameter in template["Parameters"]!.AsObject())
            {
                Assert.Contains($"`{parameter.Key}`", row, StringComparison.Ordinal);
            }

            foreach (var output in template["Outputs"]?.AsObject() ?? [])
            {
                Assert.Contains($"`{output.Key}`", row, StringComparison.Ordinal);
            }
        }
    }

    // issue 8 "Tests" #2: `cdk synth` on the assembly prints each stack's template offline.
    [Fact]
    public async Task SampleAssembly_CdkSynth_PrintsEachTemplateOffline()
    {
        var (ordersExit, orders) = await CdkCli.RunAsync("synth", "--app", sample.Output, "orders");
        var (auditExit, audit) = await CdkCli.RunAsync("synth", "--app", sample.Output, "audit");

        Assert.True(ordersExit == 0, orders);
        Assert.True(auditExit == 0, audit);
        Assert.Contains("AWS::DynamoDB::Table", orders, StringComparison.Ordinal);
        Assert.Contains("AWS::Lambda::EventSourceMapping", audit, StringComparison.Ordinal);
        Assert.Contains("Fn::ImportValue", audit, StringComparison.Ordinal);
    }

    // issue 8 "Tests" #2: every file asset the stacks name exists; the .NET asset starts at an executable bootstrap.
    [Fact]
    public void SampleAssembly_Assets_AreCompleteWithExecutableBootstrap()
    {
        foreach (var stack in new[] { "orders", "audit" })
        {
            foreach (var (_, asset) in sample.Read($"{stack}.assets.json")["files"]!.AsObject())
            {
                var path = Path.Combine(sample.Output, asset!["source"]!["path"]!.GetValue<string>());
                Assert.True(File.Exists(path) || Directory.Exists(path), $"The asset {path} of {stack} is missing.");
            }
        }

        var dotnet = sample.FunctionAssetDirectory("orders");
        var bootstrap = Path.Combine(dotnet, "bootstrap");
        Assert.True(File.Exists(bootstrap), "bootstrap is missing from the .NET asset.");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(bootstrap) & UnixFileMode.UserExecute) != 0, "bootstrap is not executable.");
        }

        Assert.Equal(ElfHeader.X86_64, ElfHeader.Machine(bootstrap));
        Assert.True(File.Exists(Path.Combine(dotnet, "Handler.Sample.dll")));
        Assert.True(File.Exists(Path.Combine(dotnet, "libcoreclr.so")), "The .NET asset is not self-contained.");
        Assert.True(File.Exists(Path.Combine(sample.FunctionAssetDirectory("audit"), "index.js")));
    }

    // issue 8 "Tests" #2: the packaged bootstrap starts and serves an invocation from our Runtime API host.
    [Fact]
    public async Task PackagedBootstrap_BehindRuntimeApiHost_ServesInvocation()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var host = await LambdaRuntimeApiHost.StartAsync(null, null, timeout.Token);
        var options = new LambdaFunctionOptions
        {
            Name = "orders",
            Timeout = TimeSpan.FromSeconds(60),
            Environment = new Dictionary<string, string> { ["TOTALS_TABLE_NAME"] = "customer-totals" },
        };
        await host.RegisterFunctionAsync(options, new DotNetExecutableRunner(Path.Combine(sample.FunctionAssetDirectory("orders"), "bootstrap")), timeout.Token);

        var result = await host.InvokeAsync("orders", """{"Records":[]}"""u8.ToArray(), null, timeout.Token);

        Assert.True(result.IsSuccess, $"{result.Status}: {result.Error?.ErrorMessage}");
        Assert.Contains("batchItemFailures", System.Text.Encoding.UTF8.GetString(result.Payload.Span), StringComparison.Ordinal);
    }

    // issue 8 "Tests" #1 (snapshot): the sample's templates; a change shows as a line diff.
    [Theory]
    [InlineData("orders")]
    [InlineData("audit")]
    public void SampleTemplate_Published_MatchesSnapshot(string stack)
    {
        TemplateSnapshot.Verify($"{stack}.template.json", File.ReadAllText(Path.Combine(sample.Output, $"{stack}.template.json")));
    }

    // issue 8 "Build" (shared table): the consumer imports the owner's stream and table through exports and depends on its stack.
    [Fact]
    public void SharedTable_ConsumerStack_ImportsOwnersExportsAndDependsOnOwner()
    {
        var audit = File.ReadAllText(Path.Combine(sample.Output, "audit.template.json"));
        var orders = File.ReadAllText(Path.Combine(sample.Output, "orders.template.json"));

        Assert.Contains("\"Fn::ImportValue\": \"orders:ExportsOutputFnGetAttordersDynamoTable", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS::DynamoDB::Table", audit, StringComparison.Ordinal);
        Assert.Contains("\"Export\"", orders, StringComparison.Ordinal);
        var dependencies = sample.Read("manifest.json")["artifacts"]!["audit"]!["dependencies"]!.AsArray().Select(d => d!.GetValue<string>());
        Assert.Contains("orders", dependencies);
    }

    // issue 19 "cfn-lint" #3: every stack `aspire publish` writes for the sample passes cfn-lint (only explained warnings).
    [Fact]
    public async Task SampleTemplates_CfnLint_HaveNoErrorAndOnlyExplainedWarnings()
    {
        var findings = await TemplateCheckers.CfnLintAsync(Declarations.RepoRoot, PublishedTemplates());

        KeptFindings.AssertOnlyKept(findings, KeptFindings.CfnLintWarnings);
        Assert.Contains(findings, f => f.Rule == "W6001" && f.Template == "audit.template.json");
    }

    // issue 19 "cdk-nag" #4: AwsSolutions over the published stacks: nothing unsuppressed.
    [Fact]
    public async Task SampleTemplates_CdkNag_HaveNoUnsuppressedFinding()
    {
        KeptFindings.AssertOnlyKept(await TemplateCheckers.CdkNagAsync(Declarations.RepoRoot, PublishedTemplates()), KeptFindings.NagFindings);
    }

    private string[] PublishedTemplates() => Directory.GetFiles(sample.Output, "*.template.json");
}
