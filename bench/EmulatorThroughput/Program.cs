using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;
using EmulatorThroughput;

// Usage: dotnet run -c Release --project bench/EmulatorThroughput -- [--seconds 2] [--runs 5] [--no-dynalite] [--no-memory]
//        [--only PutItem] [--profile] [--alloc]
var seconds = 2.0;
var runs = 5;
var withDynalite = true;
var withMemory = true;
var profile = false;
var alloc = false;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-dynalite": withDynalite = false; break;
        case "--no-memory": withMemory = false; break;
        case "--only": only = args[++i]; break;
        case "--profile": profile = true; break;
        case "--alloc": alloc = true; break;
        default: Console.Error.WriteLine($"Unknown argument {args[i]}; use --seconds <s>, --runs <n>, --no-dynalite, --no-memory, --only <workload>, --profile, --alloc."); return 2;
    }
}

if (profile || alloc)
{
    await using var profiled = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero });
    using var profileClient = CreateClient(profiled.Endpoint);
    await Workloads.CreateTableAsync(profileClient);
    if (alloc)
    {
        await Allocations.RunAsync(profileClient, profiled, runs);
    }
    else
    {
        await Profile.RunAsync(profileClient, profiled, runs);
    }

    return 0;
}

var benchDirectory = FindBenchDirectory();
string[] workloads = only is null ? ["PutItem", "GetItem", "Query", "Scan"] : [only];
int[] concurrencies = [1, 16];
Console.WriteLine($"Load average at start: {LoadAverage()}");

// Both servers run as processes beside this load generator; every round measures one, then the other, so a
// change in the machine's load hits both alike.
var targets = new List<ServerProcess> { await ServerProcess.StartEmulatorAsync() };
if (withDynalite)
{
    targets.Add(await ServerProcess.StartDynaliteAsync(benchDirectory));
}

var clients = targets.Select(t => CreateClient(t.Endpoint)).ToList();
var results = new Dictionary<(string Target, string Workload, int Concurrency), (double OpsPerSecond, double CpuMicroseconds)>();
try
{
    foreach (var client in clients)
    {
        await Workloads.CreateTableAsync(client);
        await Workloads.SeedAsync(client);
    }

    foreach (var workload in workloads)
    {
        var operation = Workloads.Get(workload);
        foreach (var concurrency in concurrencies)
        {
            var samples = targets.Select(_ => new List<(double Ops, double Cpu)>()).ToList();
            for (var t = 0; t < targets.Count; t++)
            {
                await LoadRunner.MeasureAsync(clients[t], operation, concurrency, TimeSpan.FromSeconds(0.5));
            }

            for (var run = 0; run < runs; run++)
            {
                for (var t = 0; t < targets.Count; t++)
                {
                    var cpuBefore = targets[t].CpuTime;
                    var (ops, count) = await LoadRunner.MeasureCountAsync(clients[t], operation, concurrency, TimeSpan.FromSeconds(seconds));
                    var cpu = (targets[t].CpuTime - cpuBefore).TotalMicroseconds / Math.Max(count, 1);
                    samples[t].Add((ops, cpu));
                }
            }

            for (var t = 0; t < targets.Count; t++)
            {
                var ops = LoadRunner.Median([.. samples[t].Select(s => s.Ops)]);
                var cpu = LoadRunner.Median([.. samples[t].Select(s => s.Cpu)]);
                results[(targets[t].Name, workload, concurrency)] = (ops, cpu);
                Console.WriteLine($"{targets[t].Name,-9} {workload,-8} c={concurrency,-3} {ops,8:0} ops/s {cpu,8:0} µs server CPU/op  " +
                    $"(runs: {string.Join(", ", samples[t].Select(s => s.Ops.ToString("0", CultureInfo.InvariantCulture)))}; " +
                    $"CPU µs/op: {string.Join(", ", samples[t].Select(s => s.Cpu.ToString("0", CultureInfo.InvariantCulture)))})");
            }
        }
    }
}
finally
{
    foreach (var client in clients)
    {
        client.Dispose();
    }

    foreach (var target in targets)
    {
        await target.DisposeAsync();
    }
}

Console.WriteLine();
Console.WriteLine($"Load average at end: {LoadAverage()}");
Console.WriteLine($"Throughput (median of {runs} interleaved runs of {seconds} s), AWS SDK for .NET {typeof(AmazonDynamoDBClient).Assembly.GetName().Version}, {Environment.ProcessorCount} cores");
Console.WriteLine("| operation | concurrency | emulator ops/s | dynalite ops/s | ratio | emulator CPU µs/op | dynalite CPU µs/op | CPU ratio |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var workload in workloads)
{
    foreach (var concurrency in concurrencies)
    {
        var ours = results[("emulator", workload, concurrency)];
        var peer = results.GetValueOrDefault(("dynalite", workload, concurrency));
        Console.WriteLine($"| {workload} | {concurrency} | {ours.OpsPerSecond:0} | {Show(peer.OpsPerSecond)} | {Ratio(ours.OpsPerSecond, peer.OpsPerSecond)} | " +
            $"{ours.CpuMicroseconds:0} | {Show(peer.CpuMicroseconds)} | {Ratio(peer.CpuMicroseconds, ours.CpuMicroseconds)} |");
    }
}

if (withMemory)
{
    await MeasureMemoryAsync();
}

return 0;

static string Show(double value) => value > 0 ? value.ToString("0", CultureInfo.InvariantCulture) : "n/a";

static string Ratio(double numerator, double denominator) =>
    numerator > 0 && denominator > 0 ? (numerator / denominator).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "n/a";

async Task MeasureMemoryAsync()
{
    const int items = 100_000;
    await using (var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions()))
    {
        using var client = CreateClient(emulator.Endpoint);
        await Workloads.CreateTableAsync(client);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await LoadKilobyteItemsAsync(client, items);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"emulator (in-process): managed heap growth for {items:N0} items of 1 KB: {(after - before) / 1048576.0:0.0} MiB ({(after - before) / (double)items:0} bytes/item)");
    }

    var servers = new List<ServerProcess> { await ServerProcess.StartEmulatorAsync() };
    if (withDynalite)
    {
        servers.Add(await ServerProcess.StartDynaliteAsync(benchDirectory));
    }

    foreach (var server in servers)
    {
        await using (server)
        {
            using var client = CreateClient(server.Endpoint);
            await Workloads.CreateTableAsync(client);
            var before = server.ResidentBytes();
            await LoadKilobyteItemsAsync(client, items);
            var after = server.ResidentBytes();
            Console.WriteLine($"{server.Name} (process): resident set growth for {items:N0} items of 1 KB: {(after - before) / 1048576.0:0.0} MiB ({(after - before) / (double)items:0} bytes/item)");
        }
    }
}

static async Task LoadKilobyteItemsAsync(IAmazonDynamoDB client, int items)
{
    var payload = new string('k', 1000);
    var batches = items / 25;
    var next = -1;
    var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
    {
        int batch;
        while ((batch = Interlocked.Increment(ref next)) < batches)
        {
            var requests = Enumerable.Range(batch * 25, 25).Select(i => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>
            {
                ["pk"] = new AttributeValue("m" + i.ToString(CultureInfo.InvariantCulture)),
                ["sk"] = new AttributeValue { N = "0" },
                ["payload"] = new AttributeValue(payload),
            }))).ToList();
            await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [Workloads.Table] = requests } });
        }
    }));
    await Task.WhenAll(workers);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static AmazonDynamoDBClient CreateClient(Uri endpoint) => new(
    new BasicAWSCredentials("bench", "bench"),
    new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

static string FindBenchDirectory()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "bench", "EmulatorThroughput");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new InvalidOperationException("Run from the repository: bench/EmulatorThroughput was not found above " + AppContext.BaseDirectory);
}
