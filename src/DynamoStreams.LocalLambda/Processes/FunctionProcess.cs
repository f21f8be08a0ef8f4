using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Owns one running function process: its exit, its output (written to an <see cref="ILogger"/>) and its end.
/// </summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FunctionProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Gets the operating-system process id.</summary>
    public int Id { get; private set; }

    /// <summary>Gets a task that completes with the exit code when the process exits.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Gets a value indicating whether the process has exited.</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>
    /// Starts <paramref name="startInfo"/> with its output redirected line by line to <paramref name="logger"/>
    /// (stdout as Information, stderr as Warning).
    /// </summary>
    /// <param name="startInfo">What to start; output redirection is switched on here.</param>
    /// <param name="logger">Receives the process output.</param>
    /// <returns>The started process.</returns>
    public static FunctionProcess Start(ProcessStartInfo startInfo, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        ArgumentNullException.ThrowIfNull(logger);
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = false;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var owner = new FunctionProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                ProcessLog.Output(logger, owner.Id, e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                ProcessLog.Error(logger, owner.Id, e.Data);
            }
        };
        process.Exited += (_, _) => owner.OnExited();
        process.Start();
        owner.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return owner;
    }

    /// <summary>Kills the process and its children, and waits until it has exited.</summary>
    /// <param name="cancellationToken">Stops waiting (the kill is already sent).</param>
    /// <returns>A task that completes when the process has exited.</returns>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (!HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }

        await Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the process if it still runs and releases it.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private void OnExited()
    {
        // Exited fires before the redirected streams are drained; WaitForExit() waits for both.
        _process.WaitForExit();
        _exited.TrySetResult(_process.ExitCode);
    }
}
