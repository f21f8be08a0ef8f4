using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace DynamoStreams.Emulator.Tests.Persistence;

/// <summary>Runs the standalone emulator (<c>dotnet DynamoStreams.Emulator.dll --port 0 --data-dir ...</c>).</summary>
internal sealed partial class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<EmulatorProcess> StartAsync(string directory)
    {
        var process = Process.Start(StartInfo(directory))!;
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningPattern().Match(line) is { Success: true } match)
            {
                started.TrySetResult(match.Value);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new EmulatorProcess(process, endpoint);
    }

    /// <summary>Runs an emulator expected to fail at start; returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Error)> RunToExitAsync(string directory)
    {
        using var process = Process.Start(StartInfo(directory))!;
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (error)
                {
                    error.AppendLine(line);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The emulator did not exit on a data directory in use.");
        }

        lock (error)
        {
            return (process.ExitCode, error.ToString());
        }
    }

    /// <summary>Creates a DynamoDB client for an emulator's endpoint (no retries, generous timeout for a loaded machine).</summary>
    public static AmazonDynamoDBClient CreateClient(string endpoint) => new(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig
    {
        ServiceURL = endpoint,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromSeconds(30),
    });

    /// <summary>Sends SIGKILL: no shutdown hook, no snapshot, only what the log fsynced survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string directory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "DynamoStreams.Emulator.dll"), "--port", "0", "--data-dir", directory, "--table-status-delay-ms", "0" })
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPattern();
}
