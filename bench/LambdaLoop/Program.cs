using System.Diagnostics;
using System.Globalization;
using DynamoStreams.Lambda;
using DynamoStreams.LocalLambda.RuntimeApi;

// Measures the handler library's loop (empty raw-bytes handler) against the real Runtime API host over loopback, with
// both in this process, so the figure is the loop's and the host's HTTP overhead without process scheduling.
// The out-of-process figures (a .NET and a Node handler as real processes) are bench/InvokeLatency's.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
await using var host = await LambdaRuntimeApiHost.StartAsync(null, null, CancellationToken.None);
var function = await host.RegisterFunctionAsync(new LambdaFunctionOptions { Name = "empty", Timeout = TimeSpan.FromSeconds(30) }, null, CancellationToken.None);
using var stop = new CancellationTokenSource();
var loop = Task.Run(() => LambdaRuntime.RunAsync(
    LambdaHandler.FromBytes((_, _, _) => ValueTask.CompletedTask),
    new LambdaRuntimeOptions { RuntimeApi = function.RuntimeApiAddress, OwnsProcess = false },
    stop.Token));

var payload = "{}"u8.ToArray();
for (var i = 0; i < 2_000; i++)
{
    await host.InvokeAsync(function.Name, payload, null, CancellationToken.None);
}

var latencies = new double[count];
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var switchesBefore = ContextSwitches();
var total = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    var start = Stopwatch.GetTimestamp();
    var result = await host.InvokeAsync(function.Name, payload, null, CancellationToken.None);
    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    if (!result.IsSuccess)
    {
        throw new InvalidOperationException($"Invocation failed: {result.Error}");
    }
}

total.Stop();
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var switches = ContextSwitches() - switchesBefore;
Array.Sort(latencies);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"invocations={count} p50={latencies[count / 2]:F3} ms p99={latencies[(int)(count * 0.99)]:F3} ms rate={count / total.Elapsed.TotalSeconds:F0}/s allocated/invocation (host+loop)={allocated / count} B cpu/invocation={cpu.TotalMicroseconds / count:F1} µs context switches/invocation={(double)switches / count:F2}"));
await stop.CancelAsync();
await loop;

// Voluntary context switches of every thread of this process: a thread blocking to wait for work, i.e. a thread hop.
static long ContextSwitches()
{
    long total = 0;
    foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(task, "status")))
            {
                if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
                {
                    total += long.Parse(line.AsSpan("voluntary_ctxt_switches:".Length).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The thread exited while being read.
        }
    }

    return total;
}
