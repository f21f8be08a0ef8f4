using System.Diagnostics;
using System.Globalization;
using AppHostStartup;

// Parent: alternates fresh child processes (bare AppHost, AppHost.Sample) for N rounds, then one latency run.
// Child: "--measure bare|sample" or "--latency <samples>" measures one start and prints one result line.
if (args is ["--measure", var measured])
{
    return await Measurements.StartupAsync(measured);
}

if (args is ["--latency", var samples])
{
    return await Measurements.LatencyAsync(int.Parse(samples, CultureInfo.InvariantCulture));
}

var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var results = new Dictionary<string, List<double>> { ["bare"] = [], ["sample"] = [] };
var loads = new List<string>();
for (var round = 1; round <= rounds; round++)
{
    foreach (var target in new[] { "bare", "sample" })
    {
        loads.Add(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a");
        var line = await RunChildAsync("--measure", target);
        var ms = double.Parse(line.Split('=')[1], CultureInfo.InvariantCulture);
        results[target].Add(ms);
        Console.WriteLine($"round {round} {target,-6} {ms,8:F0} ms to every resource healthy (load {loads[^1]})");
    }
}

var bare = Median(results["bare"]);
var sample = Median(results["sample"]);
Console.WriteLine($"median bare   {bare:F0} ms   (all: {string.Join(", ", results["bare"].Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))})");
Console.WriteLine($"median sample {sample:F0} ms   (all: {string.Join(", ", results["sample"].Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))})");
Console.WriteLine($"difference    {sample - bare:F0} ms (goal <= 3000 ms); load average 1 min during the rounds: {string.Join(" ", loads)}");
Console.WriteLine(await RunChildAsync("--latency", "20"));
return 0;

static async Task<string> RunChildAsync(string mode, string value)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!, [Path.Combine(AppContext.BaseDirectory, "AppHostStartup.dll"), mode, value])
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "AppHostStartup")
    {
        start.ArgumentList.RemoveAt(0);
    }

    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    var result = output.Split('\n').LastOrDefault(l => l.StartsWith("result", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The child ({mode} {value}) printed no result (exit {child.ExitCode}):\n{output}");
    return result.Trim();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
