using System.Diagnostics;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace InvokeLatency;

/// <summary>
/// Runs the measured scenarios against one host; each registers its own function and unregisters it afterwards.
/// </summary>
internal sealed class Scenarios(LambdaRuntimeApiHost host, int warmCount)
{
    private const int WarmUp = 2_000;
    private static readonly byte[] s_payload = "{}"u8.ToArray();
    private static readonly Dictionary<string, string> s_environment = new() { ["TEST_ACTION"] = "empty" };
    private int _functions;

    /// <summary>Sequential invocations on one warm process: latency percentiles, rate and CPU per invocation.</summary>
    public async Task<SequentialResult> SequentialAsync(Runner runner)
    {
        var name = await RegisterAsync(runner, concurrency: 1);
        for (var i = 0; i < WarmUp; i++)
        {
            await InvokeAsync(name, runner);
        }

        var latencies = new double[warmCount];
        var hostCpu = ProcessCpu.Self();
        var functionCpu = ProcessCpu.Children();
        var total = Stopwatch.GetTimestamp();
        for (var i = 0; i < warmCount; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await InvokeAsync(name, runner);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var seconds = Stopwatch.GetElapsedTime(total).TotalSeconds;
        var hostMicroseconds = (ProcessCpu.Self() - hostCpu).TotalMicroseconds / warmCount;
        var functionMicroseconds = (ProcessCpu.Children() - functionCpu).TotalMicroseconds / warmCount;
        await host.UnregisterFunctionAsync(name, CancellationToken.None);
        Array.Sort(latencies);
        return new SequentialResult(
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            warmCount / seconds,
            hostMicroseconds,
            functionMicroseconds);
    }

    /// <summary>Invocations per second of a function with <paramref name="concurrency"/> warm processes and that many callers.</summary>
    public async Task<double> ConcurrentAsync(Runner runner, int concurrency, int callers)
    {
        var name = await RegisterAsync(runner, concurrency);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => CallAsync(WarmUp / callers)));
        var total = Stopwatch.GetTimestamp();
        var perCaller = warmCount / callers;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => CallAsync(perCaller)));
        var seconds = Stopwatch.GetElapsedTime(total).TotalSeconds;
        await host.UnregisterFunctionAsync(name, CancellationToken.None);
        return perCaller * callers / seconds;

        async Task CallAsync(int count)
        {
            await Task.Yield();
            for (var i = 0; i < count; i++)
            {
                await InvokeAsync(name, runner);
            }
        }
    }

    /// <summary>Cold starts: register (starting the process) to the first response, in milliseconds.</summary>
    public async Task<List<double>> ColdStartsAsync(Runner runner, int count)
    {
        var results = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var name = await RegisterAsync(runner, concurrency: 1);
            await InvokeAsync(name, runner);
            results.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            await host.UnregisterFunctionAsync(name, CancellationToken.None);
        }

        return results;
    }

    private async Task<string> RegisterAsync(Runner runner, int concurrency)
    {
        var name = $"f{++_functions}";
        await host.RegisterFunctionAsync(
            new LambdaFunctionOptions { Name = name, Environment = s_environment, Concurrency = concurrency, Timeout = TimeSpan.FromSeconds(30) },
            runner.Create(),
            CancellationToken.None);
        return name;
    }

    private async Task InvokeAsync(string name, Runner runner)
    {
        var result = await host.InvokeAsync(name, s_payload, null, CancellationToken.None);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{runner.Name}: invocation failed: {result.Status} {result.Error?.ErrorType} {result.Error?.ErrorMessage}");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

/// <summary>
/// Reports sequential invocations on one process.
/// </summary>
internal sealed record SequentialResult(double P50, double P99, double Rate, double HostCpuMicroseconds, double FunctionCpuMicroseconds);
