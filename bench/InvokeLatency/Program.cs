using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DynamoStreams.LocalLambda.Processes;
using DynamoStreams.LocalLambda.RuntimeApi;

// Invocation overhead through the Runtime API host (issue 5): warm round-trip latency of an empty invoke (p50/p99),
// sequential invocations per second on one warm process, and cold start (register → first response) per runner.
// Usage: dotnet run -c Release --project bench/InvokeLatency [-- <warm invocations> <cold starts>]
var warmCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var coldCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var paths = Assembly.GetEntryAssembly()!.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => Path.GetFullPath(a.Value!.Replace('\\', Path.DirectorySeparatorChar)));

await using var host = await LambdaRuntimeApiHost.StartAsync(null, null, CancellationToken.None);
var runners = new (string Name, Func<IFunctionProcessRunner> Create)[]
{
    (".NET (DynamoStreams.Lambda, dotnet <dll>)", () => new DotNetExecutableRunner(paths["DotNetTestFunctionPath"])),
    ("Node.js 20 (shim, index.handler)", () => new NodeFunctionRunner(paths["NodeTestFunctionPath"])),
};
var payload = "{}"u8.ToArray();
var environment = new Dictionary<string, string> { ["TEST_ACTION"] = "empty" };
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"warm invocations: {warmCount}, cold starts: {coldCount}");

var index = 0;
foreach (var (name, create) in runners)
{
    var cold = new List<double>();
    for (var i = 0; i < coldCount; i++)
    {
        var functionName = $"cold-{index++}";
        var start = Stopwatch.GetTimestamp();
        await host.RegisterFunctionAsync(new LambdaFunctionOptions { Name = functionName, Environment = environment }, create(), CancellationToken.None);
        var first = await host.InvokeAsync(functionName, payload, null, CancellationToken.None);
        cold.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        Require(first, name);
        await host.UnregisterFunctionAsync(functionName, CancellationToken.None);
    }

    var warmName = $"warm-{index++}";
    await host.RegisterFunctionAsync(new LambdaFunctionOptions { Name = warmName, Environment = environment }, create(), CancellationToken.None);
    for (var i = 0; i < 2_000; i++)
    {
        Require(await host.InvokeAsync(warmName, payload, null, CancellationToken.None), name);
    }

    var latencies = new double[warmCount];
    var total = Stopwatch.GetTimestamp();
    for (var i = 0; i < warmCount; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await host.InvokeAsync(warmName, payload, null, CancellationToken.None);
        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Require(result, name);
    }

    var seconds = Stopwatch.GetElapsedTime(total).TotalSeconds;
    await host.UnregisterFunctionAsync(warmName, CancellationToken.None);
    Array.Sort(latencies);
    cold.Sort();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: warm p50 {Percentile(latencies, 0.50):0.000} ms, p99 {Percentile(latencies, 0.99):0.000} ms, {warmCount / seconds:0} invocations/s on one process; cold start median {cold[cold.Count / 2]:0} ms (min {cold[0]:0}, max {cold[^1]:0})"));
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

static void Require(InvocationResult result, string runner)
{
    if (!result.IsSuccess)
    {
        throw new InvalidOperationException($"{runner}: invocation failed: {result.Status} {result.Error?.ErrorType} {result.Error?.ErrorMessage}");
    }
}
