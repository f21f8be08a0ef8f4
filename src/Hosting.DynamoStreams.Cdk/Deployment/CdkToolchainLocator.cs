namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Finds Node.js and the AWS CDK CLI: an explicit CLI path, the <c>aws-cdk</c> package in a <c>node_modules</c> folder
/// above the AppHost, <c>cdk</c> on the PATH, or (when allowed) <c>npx --yes aws-cdk@pinned</c>.
/// </summary>
internal static class CdkToolchainLocator
{
    private const string CliScript = "node_modules/aws-cdk/bin/cdk";

    /// <summary>
    /// Locates the toolchain.
    /// </summary>
    /// <param name="options">The explicit CLI path and whether npx may be used.</param>
    /// <param name="searchPath">The PATH to search (the AppHost's <c>PATH</c> configuration value).</param>
    /// <param name="startDirectories">The folders to search upwards for <c>node_modules/aws-cdk</c> (the AppHost's folder).</param>
    /// <returns>How to start the CLI.</returns>
    /// <exception cref="CdkToolchainException">Node.js or the CLI is missing; the message says how to install it.</exception>
    public static CdkToolchain Locate(DynamoStreamsAwsOptions options, string? searchPath, IEnumerable<string> startDirectories)
    {
        var directories = (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (options.CdkCli is { Length: > 0 } explicitCli && !IsNodeScript(explicitCli))
        {
            return File.Exists(explicitCli)
                ? new CdkToolchain(Path.GetFullPath(explicitCli), [], $"the CDK CLI at {explicitCli} (DynamoStreams:Aws:CdkCli)")
                : throw new CdkToolchainException(CdkFailureKind.CliMissing,
                    $"The AWS CDK CLI set in DynamoStreams:Aws:CdkCli does not exist: '{explicitCli}'. Point it at node_modules/aws-cdk/bin/cdk or a cdk executable, or remove the setting to search node_modules and the PATH.");
        }

        var node = FindOnPath(directories, "node")
            ?? throw new CdkToolchainException(CdkFailureKind.NodeMissing,
                "Node.js was not found on the PATH (searched: " + Describe(directories) + "). The AWS CDK CLI runs on Node.js: install Node.js 18 or later "
                + "(https://nodejs.org, or your package manager: 'apt-get install nodejs', 'brew install node', 'winget install OpenJS.NodeJS.LTS') and make sure 'node' is on the PATH of the AppHost.");

        if (options.CdkCli is { Length: > 0 } script)
        {
            return File.Exists(script)
                ? new CdkToolchain(node, [Path.GetFullPath(script)], $"the CDK CLI at {script} (DynamoStreams:Aws:CdkCli) on Node.js {node}")
                : throw new CdkToolchainException(CdkFailureKind.CliMissing,
                    $"The AWS CDK CLI set in DynamoStreams:Aws:CdkCli does not exist: '{script}'. Install it with 'npm install aws-cdk' or remove the setting.");
        }

        var searched = new List<string>();
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, CliScript);
                searched.Add(Path.Combine(directory.FullName, "node_modules"));
                if (File.Exists(candidate))
                {
                    return new CdkToolchain(node, [candidate], $"the CDK CLI at {candidate} on Node.js {node}");
                }
            }
        }

        if (FindOnPath(directories, "cdk") is { } cdk)
        {
            return new CdkToolchain(cdk, [], $"the CDK CLI on the PATH ({cdk})");
        }

        if (options.AllowNpx && FindOnPath(directories, "npx") is { } npx)
        {
            return new CdkToolchain(npx, ["--yes", $"aws-cdk@{DynamoStreamsAwsOptions.PinnedCdkCliVersion}"], $"npx aws-cdk@{DynamoStreamsAwsOptions.PinnedCdkCliVersion} (downloaded from npm)");
        }

        throw new CdkToolchainException(CdkFailureKind.CliMissing,
            "The AWS CDK CLI was not found: no node_modules/aws-cdk in " + Describe(searched.Distinct()) + " and no 'cdk' on the PATH. "
            + "Install it with 'npm install -g aws-cdk' (or 'npm install --save-dev aws-cdk' in the AppHost folder), "
            + "point DynamoStreams:Aws:CdkCli at an installed CLI, or set DynamoStreams:Aws:AllowNpx=true to run "
            + $"'npx --yes aws-cdk@{DynamoStreamsAwsOptions.PinnedCdkCliVersion}'.");
    }

    private static bool IsNodeScript(string path) =>
        path.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase)
        || (Path.GetFileName(path) == "cdk" && Path.GetFileName(Path.GetDirectoryName(path)) == "bin");

    private static string? FindOnPath(IEnumerable<string> directories, string name)
    {
        string[] names = OperatingSystem.IsWindows() ? [$"{name}.exe", $"{name}.cmd", $"{name}.bat"] : [name];
        foreach (var directory in directories)
        {
            foreach (var candidate in names.Select(n => Path.Combine(directory, n)))
            {
                if (File.Exists(candidate) && (OperatingSystem.IsWindows() || IsExecutable(candidate)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static string Describe(IEnumerable<string> directories)
    {
        var list = directories.ToList();
        return list.Count == 0 ? "nothing: the PATH is empty" : string.Join(", ", list.Take(8)) + (list.Count > 8 ? ", …" : string.Empty);
    }
}
