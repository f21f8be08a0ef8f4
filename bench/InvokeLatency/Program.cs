using System.Globalization;
using System.Reflection;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;
using InvokeLatency;

// Invocation overhead through the Runtime API host (issue 5), for a .NET handler (DynamoStreams.Lambda) and a Node.js
// handler (the shipped shim) in the same run: warm round trips of an empty invoke on one process (p50/p99, rate, CPU
// per invocation), invocations/s with function concurrency 4 (4 processes, 4 and 16 callers), and cold start.
// Usage: dotnet run -c Release --project bench/InvokeLatency [-- --rounds 5 --warm 20000 --cold 2]
var rounds = Option("--rounds", 5);
var warmCount = Option("--warm", 20_000);
var coldCount = Option("--cold", 2);
var paths = Assembly.GetEntryAssembly()!.GetCustomAttributes<AssemblyMetadataAttribute>()
    .ToDictionary(a => a.Key, a => Path.GetFullPath(a.Value!.Replace('\\', Path.DirectorySeparatorChar)));
var runners = new Runner[]
{
    new(".NET", () => new DotNetExecutableRunner(paths["DotNetTestFunctionPath"])),
    new("Node.js", () => new NodeFunctionRunner(paths["NodeTestFunctionPath"])),
};

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"rounds: {rounds}, warm invocations per measure: {warmCount}, cold starts per round: {coldCount}");
await using var host = await LambdaRuntimeApiHost.StartAsync(null, null, CancellationToken.None);
var scenarios = new Scenarios(host, warmCount);
var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
for (var round = 1; round <= rounds; round++)
{
    Console.WriteLine($"round {round} (load average {ProcessCpu.LoadAverage()} at start)");
    foreach (var runner in runners)
    {
        var sequential = await scenarios.SequentialAsync(runner);
        Add($"{runner.Name} p50 ms", sequential.P50);
        Add($"{runner.Name} p99 ms", sequential.P99);
        Add($"{runner.Name} invocations/s, 1 process", sequential.Rate);
        Add($"{runner.Name} CPU µs/invocation, host", sequential.HostCpuMicroseconds);
        Add($"{runner.Name} CPU µs/invocation, function", sequential.FunctionCpuMicroseconds);
        Add($"{runner.Name} invocations/s, 4 processes, 4 callers", await scenarios.ConcurrentAsync(runner, 4, 4));
        Add($"{runner.Name} invocations/s, 4 processes, 16 callers", await scenarios.ConcurrentAsync(runner, 4, 16));
        foreach (var cold in await scenarios.ColdStartsAsync(runner, coldCount))
        {
            Add($"{runner.Name} cold start ms", cold);
        }
    }
}

Console.WriteLine();
Console.WriteLine("| measure | median | samples |");
Console.WriteLine("| --- | --- | --- |");
foreach (var (name, values) in samples)
{
    var sorted = values.Order().ToArray();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {Median(sorted):0.###} | {string.Join(", ", values.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)))} |"));
}

void Add(string name, double value)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {value:0.###}"));
    if (!samples.TryGetValue(name, out var list))
    {
        samples[name] = list = [];
    }

    list.Add(value);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Median(double[] sorted) =>
    sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
