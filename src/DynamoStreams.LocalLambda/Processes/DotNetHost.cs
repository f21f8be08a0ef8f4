namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Finds the <c>dotnet</c> host that runs framework-dependent apps.
/// </summary>
internal static class DotNetHost
{
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } processPath
            && string.Equals(Path.GetFileName(processPath), executable, StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        foreach (var root in new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), Path.GetDirectoryName(typeof(object).Assembly.Location) is { } runtime ? Path.GetFullPath(Path.Combine(runtime, "..", "..", "..")) : null })
        {
            if (root is not null && File.Exists(Path.Combine(root, executable)))
            {
                return Path.Combine(root, executable);
            }
        }

        return executable;
    }
}
