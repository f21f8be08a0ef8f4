using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EmulatorThroughput;

/// <summary>
/// Runs one measured server as its own process on a free loopback port: the emulator (standalone, Release) or
/// dynalite, the Node peer (installed with npm when missing). Both sit outside the load generator's process, so
/// neither shares the client's CPU time, thread pool or garbage collector, and each one's CPU time is its own.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(string name, Process process, Uri endpoint)
    {
        Name = name;
        _process = process;
        Endpoint = endpoint;
    }

    public string Name { get; }

    public Uri Endpoint { get; }

    public int ProcessId => _process.Id;

    /// <summary>Gets the CPU time (user + system) the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Gets the minor page faults the server process has taken so far (field 10 of /proc/&lt;pid&gt;/stat; 0 off Linux).</summary>
    public long MinorFaults
    {
        get
        {
            var path = $"/proc/{_process.Id}/stat";
            if (!File.Exists(path))
            {
                return 0;
            }

            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var stat = File.ReadAllText(path);
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Starts the emulator's standalone program from this benchmark's output folder.</summary>
    public static Task<ServerProcess> StartEmulatorAsync(string? dataDirectory = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var arguments = new List<string> { "exec", Path.Combine(AppContext.BaseDirectory, "DynamoStreams.Emulator.dll"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (dataDirectory is not null)
        {
            arguments.AddRange(["--data-dir", dataDirectory]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // EMULATOR_ENV="DOTNET_gcServer=0;DOTNET_TieredPGO=0" sets runtime settings for the emulator processes only, so
        // an A/B of a setting leaves the benchmark's own client as it was.
        foreach (var setting in (Environment.GetEnvironmentVariable("EMULATOR_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"EMULATOR_ENV entry '{setting}' is not NAME=VALUE; separate entries with ';'.");
            }

            start.Environment[setting[..equals]] = setting[(equals + 1)..];
        }

        return WaitForAsync("emulator", start, port);
    }

    public static async Task<ServerProcess> StartDynaliteAsync(string benchDirectory)
    {
        var nodeDirectory = Path.Combine(benchDirectory, "node");
        var cli = Path.Combine(nodeDirectory, "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            Console.WriteLine("Installing dynalite with npm in " + nodeDirectory);
            await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], nodeDirectory);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node") { WorkingDirectory = nodeDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        return await WaitForAsync("dynalite", start, port);
    }

    private static async Task<ServerProcess> WaitForAsync(string name, ProcessStartInfo start, int port)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + name);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(endpoint);
                return new ServerProcess(name, process, endpoint);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException(name + " did not start listening on " + endpoint);
    }

    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
        }
    }
}
