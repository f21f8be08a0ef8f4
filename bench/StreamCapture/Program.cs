using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator;

// PutItem ops/s through the AWS SDK for .NET at concurrency 16 against three in-process emulators:
// no stream, a NEW_AND_OLD_IMAGES stream, and the stream with persistence on (--data-dir). Rounds are
// interleaved so that machine noise hits every configuration alike; medians are reported.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const int Concurrency = 16;

var dataDirectory = Path.Combine(Path.GetTempPath(), "streamcapture-bench-" + Guid.NewGuid().ToString("N"));
var configurations = new (string Name, bool Stream, string? DataDirectory)[]
{
    ("no stream", false, null),
    ("NEW_AND_OLD_IMAGES stream", true, null),
    ("stream + persistence (fsync, group commit)", true, dataDirectory),
};
var results = configurations.ToDictionary(c => c.Name, _ => new List<double>());
try
{
    for (var round = 0; round < rounds; round++)
    {
        foreach (var configuration in configurations)
        {
            var opsPerSecond = await MeasureAsync(configuration.Stream, configuration.DataDirectory, TimeSpan.FromSeconds(seconds));
            results[configuration.Name].Add(opsPerSecond);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {configuration.Name,-45} {opsPerSecond,10:F0} ops/s"));
        }
    }
}
finally
{
    if (Directory.Exists(dataDirectory))
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
}

var medians = results.ToDictionary(r => r.Key, r => Median(r.Value));
Console.WriteLine();
Console.WriteLine($"PutItem, concurrency {Concurrency}, {rounds} rounds of {seconds} s, medians:");
foreach (var (name, median) in medians)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-45} {median,10:F0} ops/s"));
}

var noStream = medians[configurations[0].Name];
var stream = medians[configurations[1].Name];
var persisted = medians[configurations[2].Name];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stream capture cost: {(1 - stream / noStream) * 100:F1}% (goal < 15%)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"persistence slowdown: {stream / persisted:F2}x (goal < 2x)"));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<double> MeasureAsync(bool stream, string? dataDirectory, TimeSpan duration)
{
    await using var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { DataDirectory = dataDirectory });
    using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig
    {
        ServiceURL = emulator.Endpoint.ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    });
    var table = "bench-" + Guid.NewGuid().ToString("N")[..8];
    await client.CreateTableAsync(new CreateTableRequest
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
        KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        StreamSpecification = stream ? new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES } : null,
    });
    var payload = new string('x', 200);

    // Warm up connections and JIT.
    await RunAsync(client, table, payload, TimeSpan.FromSeconds(1));
    return await RunAsync(client, table, payload, duration);
}

static async Task<double> RunAsync(AmazonDynamoDBClient client, string table, string payload, TimeSpan duration)
{
    long count = 0;
    var stopwatch = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, Concurrency).Select(worker => Task.Run(async () =>
    {
        var i = 0;
        while (stopwatch.Elapsed < duration)
        {
            await client.PutItemAsync(table, new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = $"{worker}-{i % 5000}" },
                ["n"] = new() { N = i.ToString(CultureInfo.InvariantCulture) },
                ["payload"] = new() { S = payload },
            });
            i++;
            Interlocked.Increment(ref count);
        }
    })).ToArray();
    await Task.WhenAll(workers);
    return count / stopwatch.Elapsed.TotalSeconds;
}
