using Aspire.Hosting.DynamoStreams.Cdk.Deployment;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

public sealed class CdkToolchainLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dynamostreams-locator-").FullName;

    // issue 8 (deploy): Node.js absent from the PATH fails with how to install it
    [Fact]
    public void Locate_PathWithoutNode_ThrowsNodeMissingWithInstallAdvice()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;

        var ex = Assert.Throws<CdkToolchainException>(() => CdkToolchainLocator.Locate(new DynamoStreamsAwsOptions(), empty, [_root]));

        Assert.Equal(CdkFailureKind.NodeMissing, ex.Failure);
        Assert.Contains("Node.js was not found on the PATH", ex.Message, StringComparison.Ordinal);
        Assert.Contains(empty, ex.Message, StringComparison.Ordinal);
        Assert.Contains("install Node.js", ex.Message, StringComparison.Ordinal);
    }

    // issue 8 (deploy): Node.js present but no CLI anywhere (no node_modules, no cdk on the PATH, npx not allowed)
    [Fact]
    public void Locate_NodeButNoCli_ThrowsCliMissingWithInstallAdvice()
    {
        var bin = FakeExecutables("node", "npx");

        var ex = Assert.Throws<CdkToolchainException>(() => CdkToolchainLocator.Locate(new DynamoStreamsAwsOptions(), bin, [Path.Combine(_root, "apphost")]));

        Assert.Equal(CdkFailureKind.CliMissing, ex.Failure);
        Assert.Contains("The AWS CDK CLI was not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("npm install -g aws-cdk", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DynamoStreams:Aws:AllowNpx=true", ex.Message, StringComparison.Ordinal);
    }

    // issue 8 (deploy): a local node_modules/aws-cdk above the AppHost wins, run with the node found on the PATH
    [Fact]
    public void Locate_NodeModulesAboveAppHost_RunsItsScriptWithNode()
    {
        var bin = FakeExecutables("node", "cdk");
        var script = Path.Combine(_root, "node_modules", "aws-cdk", "bin", "cdk");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, "#!/usr/bin/env node\n");
        var appHost = Directory.CreateDirectory(Path.Combine(_root, "src", "AppHost")).FullName;

        var toolchain = CdkToolchainLocator.Locate(new DynamoStreamsAwsOptions(), bin, [appHost]);

        Assert.Equal(Path.Combine(bin, "node"), toolchain.FileName);
        Assert.Equal([script], toolchain.PrefixArguments);
    }

    // issue 8 (deploy): cdk on the PATH is used when no node_modules holds the CLI
    [Fact]
    public void Locate_CdkOnPath_RunsIt()
    {
        var bin = FakeExecutables("node", "cdk");

        var toolchain = CdkToolchainLocator.Locate(new DynamoStreamsAwsOptions(), bin, [Path.Combine(_root, "apphost")]);

        Assert.Equal(Path.Combine(bin, "cdk"), toolchain.FileName);
        Assert.Empty(toolchain.PrefixArguments);
    }

    // issue 8 (deploy): npx with the pinned CLI version only when allowed
    [Fact]
    public void Locate_NpxAllowed_RunsPinnedCliThroughNpx()
    {
        var bin = FakeExecutables("node", "npx");

        var toolchain = CdkToolchainLocator.Locate(new DynamoStreamsAwsOptions { AllowNpx = true }, bin, [Path.Combine(_root, "apphost")]);

        Assert.Equal(Path.Combine(bin, "npx"), toolchain.FileName);
        Assert.Equal(["--yes", $"aws-cdk@{DynamoStreamsAwsOptions.PinnedCdkCliVersion}"], toolchain.PrefixArguments);
    }

    // issue 8 (deploy): an explicit CLI path that does not exist names the setting
    [Fact]
    public void Locate_ExplicitCliMissing_ThrowsNamingTheSetting()
    {
        var bin = FakeExecutables("node");

        var ex = Assert.Throws<CdkToolchainException>(() =>
            CdkToolchainLocator.Locate(new DynamoStreamsAwsOptions { CdkCli = Path.Combine(_root, "nowhere", "cdk.js") }, bin, [_root]));

        Assert.Equal(CdkFailureKind.CliMissing, ex.Failure);
        Assert.Contains("DynamoStreams:Aws:CdkCli", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string FakeExecutables(params string[] names)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin-" + string.Join('-', names))).FullName;
        foreach (var name in names)
        {
            var path = Path.Combine(bin, name);
            File.WriteAllText(path, "#!/bin/sh\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return bin;
    }
}
