using System.Diagnostics;

namespace Aspire.Hosting.DynamoStreams.Cdk.Processes;

/// <summary>
/// Runs a command-line tool of the cloud path (the <c>dotnet</c> CLI, the CDK CLI) to completion, with no standard
/// input, handing each line of its standard output and error to a callback as it is printed.
/// </summary>
internal static class ChildProcessRunner
{
    /// <summary>
    /// Runs the tool to completion.
    /// </summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="environment">Variables set over the inherited environment; a null value removes the variable.</param>
    /// <param name="workingDirectory">The working directory, or null for this process's.</param>
    /// <param name="onLine">Receives each line and whether it came from standard error, or null.</param>
    /// <param name="cancellationToken">Kills the process tree when cancelled.</param>
    /// <returns>The exit code and every line, in the order received.</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">The executable could not be started.</exception>
    public static async Task<ChildProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment,
        string? workingDirectory, Action<string, bool>? onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
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
            return new ChildProcessResult(process.ExitCode, [.. lines]);
        }

        async Task PumpAsync(StreamReader reader, bool isError)
        {
            while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                onLine?.Invoke(line, isError);
            }
        }
    }
}
