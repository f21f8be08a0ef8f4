using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator;
using EmulatorThroughput;

// Usage: dotnet run -c Release --project bench/EmulatorThroughput -- [--seconds 2] [--runs 3] [--no-dynalite] [--no-memory]
var seconds = 2.0;
var runs = 3;
var withDynalite = true;
var withMemory = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-dynalite": withDynalite = false; break;
        case "--no-memory": withMemory = false; break;
        default: Console.Error.WriteLine($"Unknown argument {args[i]}; use --seconds <s>, --runs <n>, --no-dynalite, --no-memory."); return 2;
    }
}

var benchDirectory = FindBenchDirectory();
string[] workloads = ["PutItem", "GetItem", "Query", "Scan"];
int[] concurrencies = [1, 16];
var results = new Dictionary<(string Target, string Workload, int Concurrency), double>();

await using (var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions()))
{
    using var client = CreateClient(emulator.Endpoint);
    await MeasureTargetAsync("emulator", client);
}

if (withDynalite)
{
    await using var dynalite = await Dynalite.StartAsync(benchDirectory);
    using var client = CreateClient(dynalite.Endpoint);
    await MeasureTargetAsync("dynalite", client);
}

Console.WriteLine();
Console.WriteLine($"Throughput, ops/s (median of {runs} runs of {seconds} s), AWS SDK for .NET {typeof(AmazonDynamoDBClient).Assembly.GetName().Version}, {Environment.ProcessorCount} cores");
Console.WriteLine("| operation | concurrency | emulator | dynalite | ratio |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var workload in workloads)
{
    foreach (var concurrency in concurrencies)
    {
        var ours = results[("emulator", workload, concurrency)];
        var peer = results.GetValueOrDefault(("dynalite", workload, concurrency));
        var ratio = peer > 0 ? (ours / peer).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "n/a";
        Console.WriteLine($"| {workload} | {concurrency} | {ours:0} | {(peer > 0 ? peer.ToString("0", CultureInfo.InvariantCulture) : "n/a")} | {ratio} |");
    }
}

if (withMemory)
{
    await MeasureMemoryAsync();
}

return 0;

async Task MeasureTargetAsync(string target, AmazonDynamoDBClient client)
{
    await Workloads.CreateTableAsync(client);
    await Workloads.SeedAsync(client);
    foreach (var workload in workloads)
    {
        var operation = Workloads.Get(workload);
        foreach (var concurrency in concurrencies)
        {
            await LoadRunner.MeasureAsync(client, operation, concurrency, TimeSpan.FromSeconds(0.5));
            var samples = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                samples.Add(await LoadRunner.MeasureAsync(client, operation, concurrency, TimeSpan.FromSeconds(seconds)));
            }

            results[(target, workload, concurrency)] = LoadRunner.Median(samples);
            Console.WriteLine($"{target,-9} {workload,-8} c={concurrency,-3} {LoadRunner.Median(samples),10:0} ops/s  (runs: {string.Join(", ", samples.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))})");
        }
    }
}

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
        Console.WriteLine($"emulator: managed heap growth for {items:N0} items of 1 KB: {(after - before) / 1048576.0:0.0} MiB ({(after - before) / (double)items:0} bytes/item)");
    }

    if (withDynalite)
    {
        await using var dynalite = await Dynalite.StartAsync(benchDirectory);
        using var client = CreateClient(dynalite.Endpoint);
        await Workloads.CreateTableAsync(client);
        var before = dynalite.ResidentBytes();
        await LoadKilobyteItemsAsync(client, items);
        var after = dynalite.ResidentBytes();
        Console.WriteLine($"dynalite: resident set growth for {items:N0} items of 1 KB: {(after - before) / 1048576.0:0.0} MiB ({(after - before) / (double)items:0} bytes/item)");
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
