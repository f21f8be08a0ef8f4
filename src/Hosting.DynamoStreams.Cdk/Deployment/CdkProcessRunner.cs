using System.Diagnostics;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Runs the CDK CLI and hands each line of its stdout and stderr to a callback as it is printed.
/// </summary>
internal static class CdkProcessRunner
{
    /// <summary>
    /// Runs the CLI to completion.
    /// </summary>
    /// <param name="toolchain">How to start the CLI.</param>
    /// <param name="arguments">The CLI arguments.</param>
    /// <param name="environment">The whole environment of the process (the AppHost's plus the CLI's variables).</param>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="onLine">Receives each line and whether it came from stderr.</param>
    /// <param name="cancellationToken">Kills the process tree when cancelled.</param>
    /// <returns>The exit code and every line, in the order received.</returns>
    public static async Task<CdkRunResult> RunAsync(CdkToolchain toolchain, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment,
        string workingDirectory, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(toolchain.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in toolchain.PrefixArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            if (value is not null)
            {
                start.Environment[key] = value;
            }
        }

        var lines = new List<string>();
        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();

        var stdout = PumpAsync(process.StandardOutput, isError: false);
        var stderr = PumpAsync(process.StandardError, isError: true);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the cancellation and the kill.
            }

            throw;
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        lock (lines)
        {
            return new CdkRunResult(process.ExitCode, [.. lines]);
        }

        async Task PumpAsync(StreamReader reader, bool isError)
        {
            while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                onLine(line, isError);
            }
        }
    }
}
