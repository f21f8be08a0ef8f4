using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EmulatorThroughput;

// PutItem through the AWS SDK for .NET at concurrency 16 against three standalone emulator processes: no stream,
// a NEW_AND_OLD_IMAGES stream, and the stream with persistence on (--data-dir: write-ahead log, fsync, group
// commit). Rounds are interleaved so machine noise hits every configuration alike; medians are reported, both
// as ops/s (bounded by the SDK client, which shares the 2 cores) and as the server process's CPU time per put.
// Usage: StreamCapture [seconds per round, default 3] [rounds, default 5]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const int Concurrency = 16;

var dataDirectory = Path.Combine(Path.GetTempPath(), "streamcapture-bench-" + Guid.NewGuid().ToString("N"));
var configurations = new (string Name, bool Stream, string? DataDirectory)[]
{
    ("no stream", false, null),
    ("NEW_AND_OLD_IMAGES stream", true, null),
    ("stream + persistence (fsync, group commit)", true, dataDirectory),
};
Console.WriteLine($"Load average at start: {LoadAverage()}");
var servers = new List<ServerProcess>();
var clients = new List<AmazonDynamoDBClient>();
var tables = new List<string>();
var results = configurations.Select(_ => new List<(double Ops, double Cpu, double Faults)>()).ToList();
var payload = new string('x', 200);
try
{
    foreach (var configuration in configurations)
    {
        var server = await ServerProcess.StartEmulatorAsync(configuration.DataDirectory);
        servers.Add(server);
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig
        {
            ServiceURL = server.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
        clients.Add(client);
        var table = "bench-" + Guid.NewGuid().ToString("N")[..8];
        tables.Add(table);
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            StreamSpecification = configuration.Stream ? new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES } : null,
        });

        // CreateTable answers CREATING; writes are accepted once DescribeTable says ACTIVE.
        while ((await client.DescribeTableAsync(table)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(50);
        }

        // Warm up connections and JIT: long enough for the write path to reach its final (tier-1) code; with 1 s the
        // JIT still took 12-14 % of the servers' CPU in the measured rounds.
        await RunAsync(client, table, payload, TimeSpan.FromSeconds(5));
    }

    for (var round = 0; round < rounds; round++)
    {
        // The order rotates from round to round, so no configuration always runs first (or right after another).
        for (var k = 0; k < configurations.Length; k++)
        {
            var c = (k + round) % configurations.Length;
            var cpuBefore = servers[c].CpuTime;
            var faultsBefore = servers[c].MinorFaults;
            var (opsPerSecond, count) = await RunAsync(clients[c], tables[c], payload, TimeSpan.FromSeconds(seconds));
            var cpu = (servers[c].CpuTime - cpuBefore).TotalMicroseconds / Math.Max(count, 1);
            var faults = (servers[c].MinorFaults - faultsBefore) / (double)Math.Max(count, 1);
            results[c].Add((opsPerSecond, cpu, faults));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {configurations[c].Name,-45} {opsPerSecond,8:F0} ops/s {cpu,6:F1} µs server CPU/put {faults,6:F3} page faults/put"));
        }
    }
}
finally
{
    foreach (var client in clients)
    {
        client.Dispose();
    }

    foreach (var server in servers)
    {
        await server.DisposeAsync();
    }

    if (Directory.Exists(dataDirectory))
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
}

Console.WriteLine();
Console.WriteLine($"Load average at end: {LoadAverage()}");
Console.WriteLine($"PutItem, concurrency {Concurrency}, {rounds} rounds of {seconds} s, medians:");
var medians = results.Select(r => (Ops: Median([.. r.Select(s => s.Ops)]), Cpu: Median([.. r.Select(s => s.Cpu)]), Faults: Median([.. r.Select(s => s.Faults)]))).ToList();
for (var c = 0; c < configurations.Length; c++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {configurations[c].Name,-45} {medians[c].Ops,8:F0} ops/s {medians[c].Cpu,6:F1} µs server CPU/put {medians[c].Faults,6:F3} page faults/put"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"stream capture cost: {(1 - (medians[1].Ops / medians[0].Ops)) * 100:F1}% of ops/s, {((medians[1].Cpu / medians[0].Cpu) - 1) * 100:F1}% server CPU per put (goal < 10%)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"persistence slowdown vs the stream alone: {medians[1].Ops / medians[2].Ops:F2}x ops/s, {medians[2].Cpu / medians[1].Cpu:F2}x server CPU per put (goal < 2x)"));

// The same figures paired within each round (the configurations ran seconds apart there), which cancels the drift
// of the machine's speed between rounds: the median of the per-round figures and their range.
Console.WriteLine("paired per round (median, range):");
PrintPaired("stream capture cost, % of ops/s", r => (1 - (results[1][r].Ops / results[0][r].Ops)) * 100, "F1");
PrintPaired("stream capture, server CPU µs/put", r => results[1][r].Cpu - results[0][r].Cpu, "F1");
PrintPaired("persistence slowdown, x ops/s", r => results[1][r].Ops / results[2][r].Ops, "F2");
return 0;

void PrintPaired(string name, Func<int, double> figure, string format)
{
    var values = Enumerable.Range(0, rounds).Select(figure).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {name,-40} {Median(values).ToString(format, CultureInfo.InvariantCulture),7} ({values.Min().ToString(format, CultureInfo.InvariantCulture)} to {values.Max().ToString(format, CultureInfo.InvariantCulture)}; rounds: {string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)))})"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task<(double OpsPerSecond, long Count)> RunAsync(AmazonDynamoDBClient client, string table, string payload, TimeSpan duration)
{
    long count = 0;
    var stopwatch = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, Concurrency).Select(worker => Task.Run(async () =>
    {
        var i = 0;
        while (stopwatch.Elapsed < duration)
        {
            // Every put changes the item ("n" grows), so each one after the first pass is a MODIFY with a record.
            await client.PutItemAsync(table, new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = $"{worker}-{i % 5000}" },
                ["n"] = new() { N = Environment.TickCount64.ToString(CultureInfo.InvariantCulture) },
                ["payload"] = new() { S = payload },
            });
            i++;
            Interlocked.Increment(ref count);
        }
    })).ToArray();
    await Task.WhenAll(workers);
    return (count / stopwatch.Elapsed.TotalSeconds, count);
}
