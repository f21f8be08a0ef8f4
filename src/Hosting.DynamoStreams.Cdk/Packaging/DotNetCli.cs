using Aspire.Hosting.DynamoStreams.Cdk.Processes;

namespace Aspire.Hosting.DynamoStreams.Cdk.Packaging;

/// <summary>Runs the <c>dotnet</c> CLI and captures its output for the error message when it fails.</summary>
internal static class DotNetCli
{
    private static readonly Dictionary<string, string?> s_environment = new(StringComparer.Ordinal)
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Kills the process tree when cancelled.</param>
    /// <returns>The exit code and the interleaved standard output and error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ChildProcessRunner.RunAsync(DotNetPath(), arguments, s_environment, workingDirectory: null, onLine: null, cancellationToken).ConfigureAwait(false);
        return (result.ExitCode, string.Join(Environment.NewLine, result.Lines));
    }

    /// <summary>Finds the <c>dotnet</c> host: the one running this process when it is <c>dotnet</c>, else the one on PATH.</summary>
    private static string DotNetPath()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
    }
}
