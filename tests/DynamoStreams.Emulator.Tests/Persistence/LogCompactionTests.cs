using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Tests.Persistence;

public sealed class LogCompactionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dse-compact-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task LogOutgrowsItsByteLimit_IsCompactedIntoANewSnapshot_AndEveryItemSurvives()
    {
        // issue 4 persistence: compaction when the log grows, by bytes as well as by entries (large items reach any
        // size long before 200,000 entries)
        const int Items = 100;
        var options = new DynamoEmulatorOptions
        {
            TableStatusDelay = TimeSpan.Zero,
            DataDirectory = _directory,
            CompactionCheckInterval = TimeSpan.FromMilliseconds(50),
            MinimumCompactionLogBytes = 256 * 1024,
        };
        await using (var emulator = await DynamoEmulator.StartAsync(options))
        {
            var first = SnapshotNumbers().Single();
            using var db = Client(emulator);
            await db.CreateTableAsync(new CreateTableRequest
            {
                TableName = "big",
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            });
            var payload = new string('x', 8 * 1024);
            for (var i = 0; i < Items; i++)
            {
                await db.PutItemAsync("big", new() { ["id"] = new() { S = i.ToString(CultureInfo.InvariantCulture) }, ["p"] = new() { S = payload } });
            }

            // Compacted: one newer snapshot, and no log segment it covers left behind (they go after its rename).
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (SnapshotNumbers() is not [var snapshot] || snapshot == first
                || Directory.GetFiles(_directory, "wal-*.log").Any(f => Number(f) <= snapshot))
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        await using var restarted = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory });
        using var db2 = Client(restarted);
        var count = 0;
        await foreach (var page in db2.Paginators.Scan(new ScanRequest("big") { Select = Select.COUNT }).Responses)
        {
            count += page.Count ?? 0;
        }

        Assert.Equal(Items, count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private List<long> SnapshotNumbers() => [.. Directory.GetFiles(_directory, "snapshot-*.log").Select(Number)];

    private static long Number(string path) =>
        long.Parse(Path.GetFileNameWithoutExtension(path).Split('-')[1], CultureInfo.InvariantCulture);

    private static AmazonDynamoDBClient Client(DynamoEmulator emulator) => EmulatorProcess.CreateClient(emulator.Endpoint.ToString());
}
