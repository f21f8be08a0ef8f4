using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DynamoStreams.Lambda;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.InProcess;
using MappingLatency;

// bench/MappingLatency: PutItem acknowledgement -> handler received (p50/p99), and records/s to a no-op .NET handler.
// Run: dotnet run -c Release --project bench/MappingLatency [-- --rounds 5 --samples 500 --records 40000 --cases 1x1,1x4,4x1,4x4,1x1d]
// A case is <shards>x<ParallelizationFactor>; a trailing "d" runs it with persistence on (a data directory) and the
// checkpoints in the emulator's durable store (every checkpoint fsynced through its write-ahead log).
// The same executable is the handler process when started with --handler (the Runtime API host launches it).
if (args.Contains("--handler"))
{
    // No-op handler: answers with the monotonic timestamp at which it received the event (same clock in every process).
    return await LambdaRuntime.RunAsync(LambdaHandler.FromBytes((payload, response, context) =>
    {
        var received = Stopwatch.GetTimestamp();
        response.Write(Encoding.UTF8.GetBytes($"{{\"received\":{received}}}"));
        return ValueTask.CompletedTask;
    }));
}

var rounds = Option("--rounds", 5);
var samples = Option("--samples", 500);
var records = Option("--records", 40_000);
var cases = (OptionText("--cases") ?? "1x1,1x4,4x1,4x4,1x1d").Split(',')
    .Select(c => c.TrimEnd('d').Split('x') is [var s, var p]
        ? (Shards: int.Parse(s, CultureInfo.InvariantCulture), Pf: int.Parse(p, CultureInfo.InvariantCulture), Durable: c.EndsWith('d'))
        : throw new ArgumentException($"Case '{c}' is not <shards>x<pf>[d]."))
    .ToList();
Console.WriteLine($"MappingLatency on {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {LoadAverage()}");

var p50s = new List<double>();
var p99s = new List<double>();
var throughput = cases.ToDictionary(c => c, _ => new List<double>());
for (var round = 1; round <= rounds; round++)
{
    var (p50, p99) = await MeasureLatencyAsync(samples);
    p50s.Add(p50);
    p99s.Add(p99);
    Console.WriteLine(Invariant($"round {round} latency p50 {p50:F2} ms, p99 {p99:F2} ms"));
    foreach (var c in cases)
    {
        var rate = await MeasureThroughputAsync(records, c.Shards, c.Pf, c.Durable);
        throughput[c].Add(rate);
        Console.WriteLine(Invariant($"round {round} throughput {Describe(c)}: {rate:F0} records/s"));
    }
}

Console.WriteLine(Invariant($"MEDIAN over {rounds} rounds; load average {LoadAverage()}"));
Console.WriteLine(Invariant($"latency PutItem ack -> handler received, defaults, {samples} sequential writes: p50 {Median(p50s):F2} ms (samples {Join(p50s)}), p99 {Median(p99s):F2} ms (samples {Join(p99s)})"));
foreach (var (c, rates) in throughput)
{
    Console.WriteLine(Invariant($"throughput {records} records, BatchSize 100, {Describe(c)}: {Median(rates):F0} records/s (samples {Join(rates, "F0")})"));
}

return 0;

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static async Task<(double P50, double P99)> MeasureLatencyAsync(int samples)
{
    await using var rig = await Rig.StartAsync(shards: 1, concurrency: 1);
    await rig.WarmAsync();
    var timing = new TimingInvoker(new RuntimeApiFunctionInvoker(rig.Host));
    await using var engine = new EventSourceMappingEngine(new EmulatorStreamSource(rig.Emulator.Streams), timing, new InMemoryCheckpointStore());
    var mapping = engine.CreateMapping(new EventSourceMappingOptions { EventSourceArn = rig.StreamArn, FunctionName = Rig.FunctionName, StartingPosition = "LATEST" });
    await mapping.StartAsync();
    await Task.Delay(200);

    var latencies = new List<double>(samples);
    for (var i = -100; i < samples; i++)
    {
        var key = $"lat-{i}";
        var delivered = timing.Expect(key);
        await rig.PutAsync(key);
        var acked = Stopwatch.GetTimestamp();
        var received = await delivered.WaitAsync(TimeSpan.FromSeconds(60));
        if (i >= 0)
        {
            // The record is published before PutItem's response is written, so the handler may have it first.
            latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(acked, received).TotalMilliseconds));
        }
    }

    latencies.Sort();
    return (Percentile(latencies, 0.50), Percentile(latencies, 0.99));
}

static string Describe((int Shards, int Pf, bool Durable) c) =>
    Invariant($"{c.Shards} shard(s), PF {c.Pf}{(c.Durable ? ", persistence on (durable checkpoints)" : string.Empty)}");

static async Task<double> MeasureThroughputAsync(int count, int shards, int pf, bool durable)
{
    // AWS runs up to shards × PF concurrent invocations for a mapping; the function gets that many processes.
    var dataDirectory = durable ? Directory.CreateTempSubdirectory("mapping-bench-").FullName : null;
    await using var rig = await Rig.StartAsync(shards, concurrency: shards * pf, dataDirectory);
    await rig.FillAsync(count);
    await rig.WarmAsync();
    ICheckpointStore checkpoints = durable ? new DurableCheckpointStore(rig.Emulator.DurableStore) : new InMemoryCheckpointStore();
    await using var engine = new EventSourceMappingEngine(new EmulatorStreamSource(rig.Emulator.Streams), new RuntimeApiFunctionInvoker(rig.Host), checkpoints);
    var mapping = engine.CreateMapping(new EventSourceMappingOptions
    {
        EventSourceArn = rig.StreamArn,
        FunctionName = Rig.FunctionName,
        StartingPosition = "TRIM_HORIZON",
        BatchSize = 100,
        ParallelizationFactor = pf,
    });
    var start = Stopwatch.GetTimestamp();
    await mapping.StartAsync();
    var lastProgress = (Delivered: 0L, At: start);
    while (mapping.GetStatus().Metrics.RecordsDelivered < count)
    {
        await Task.Delay(5);
        var status = mapping.GetStatus();
        if (status.Metrics.RecordsDelivered != lastProgress.Delivered)
        {
            lastProgress = (status.Metrics.RecordsDelivered, Stopwatch.GetTimestamp());
        }
        else if (Stopwatch.GetElapsedTime(lastProgress.At) > TimeSpan.FromSeconds(30))
        {
            throw new TimeoutException($"No progress for 30 s: {status.Metrics}; last engine error: {status.LastEngineError}");
        }
    }

    return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Join(List<double> values, string format = "F2") => string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
