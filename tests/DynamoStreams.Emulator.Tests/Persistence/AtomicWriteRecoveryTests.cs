using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Persistence;
using DynamoStreams.Emulator.Streams;

namespace DynamoStreams.Emulator.Tests.Persistence;

/// <summary>
/// A crash can cut the log anywhere. These tests cut it inside the newest write and check that recovery keeps
/// that write whole or drops it whole: never a stream record without its item, never half a transaction.
/// </summary>
public sealed class AtomicWriteRecoveryTests : IDisposable
{
    private readonly LiveLogCopy _log = new("dse-atomic");

    [Fact]
    public async Task Recovery_LogCutInsideAPut_DropsTheItemAndItsStreamRecordTogether()
    {
        // issue 4 persistence: a write's item and its stream record survive together or not at all (spec A.3)
        await using (var emulator = await StartWithTableAsync(_log.Running))
        {
            using var db = Client(emulator);
            await db.PutItemAsync("orders", Item("kept"));
            await db.PutItemAsync("orders", Item("cut"));
            _log.Take();
        }

        var newest = NewestEntry(_log.Crashed);
        Assert.Equal(["record", "item"], EntryTypes(newest));

        CutTheNewestEntryInHalf(_log.Crashed);
        await using var recovered = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _log.Crashed });

        Assert.Equal(["kept"], await ItemIdsAsync(recovered));
        Assert.Equal(["kept"], RecordIds(recovered));
    }

    [Fact]
    public async Task Recovery_LogCutInsideATransaction_DropsEveryItemAndRecordOfIt()
    {
        // issue 3 TransactWriteItems is all or nothing; issue 4 persistence keeps that across a crash
        await using (var emulator = await StartWithTableAsync(_log.Running))
        {
            using var db = Client(emulator);
            await db.PutItemAsync("orders", Item("kept"));
            await db.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [.. new[] { "t1", "t2", "t3" }.Select(id => new TransactWriteItem { Put = new Put { TableName = "orders", Item = Item(id) } })],
            });
            _log.Take();
        }

        Assert.Equal(["record", "item", "record", "item", "record", "item"], EntryTypes(NewestEntry(_log.Crashed)));

        CutTheNewestEntryInHalf(_log.Crashed);
        await using var recovered = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _log.Crashed });

        Assert.Equal(["kept"], await ItemIdsAsync(recovered));
        Assert.Equal(["kept"], RecordIds(recovered));
    }

    [Fact]
    public async Task Recovery_IntactLog_AppliesEveryEntryOfEachWrite()
    {
        // issue 4 persistence: the unit entries replay to the same items and records
        await using (var emulator = await StartWithTableAsync(_log.Running))
        {
            using var db = Client(emulator);
            await db.PutItemAsync("orders", Item("a"));
            await db.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [.. new[] { "b", "c" }.Select(id => new TransactWriteItem { Put = new Put { TableName = "orders", Item = Item(id) } })],
            });
            _log.Take();
        }

        await using var recovered = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _log.Crashed });

        Assert.Equal(["a", "b", "c"], await ItemIdsAsync(recovered));
        Assert.Equal(["a", "b", "c"], RecordIds(recovered));
    }

    [Fact]
    public async Task Recovery_TransactionOfSeveralMegabytes_IsOneEntryAndReplaysWhole()
    {
        // issue 4 persistence with spec E's 4 MB transaction cap: a near-limit transaction is logged as one unit, and
        // the write after it (on a unit buffer released after the large one) is logged and replayed too
        var ids = Enumerable.Range(0, 10).Select(i => $"big{i}").ToArray();
        await using (var emulator = await StartWithTableAsync(_log.Running))
        {
            using var db = Client(emulator);
            var payload = new string('x', 300 * 1024);
            await db.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [.. ids.Select(id => new TransactWriteItem { Put = new Put { TableName = "orders", Item = new() { ["id"] = new() { S = id }, ["p"] = new() { S = payload } } } })],
            });
            Assert.Equal(20, EntryTypes(NewestEntry(_log.Running)).Count);
            await db.PutItemAsync("orders", Item("after"));
            _log.Take();
        }

        await using var recovered = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _log.Crashed });

        string[] expected = [.. ids.Append("after").Order(StringComparer.Ordinal)];
        Assert.Equal(expected, await ItemIdsAsync(recovered));
        Assert.Equal(expected, RecordIds(recovered));
    }

    public void Dispose() => _log.Dispose();

    private static async Task<DynamoEmulator> StartWithTableAsync(string directory)
    {
        var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = directory });
        using var db = Client(emulator);
        await db.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        return emulator;
    }

    private static Dictionary<string, AttributeValue> Item(string id) => new() { ["id"] = new() { S = id } };

    private static AmazonDynamoDBClient Client(DynamoEmulator emulator) => EmulatorProcess.CreateClient(emulator.Endpoint.ToString());

    private static string NewestSegment(string directory) => Directory.GetFiles(directory, "wal-*.log").Order(StringComparer.Ordinal).Last();

    private static byte[] NewestEntry(string directory) => WalFrames.ReadAll(NewestSegment(directory)).Payloads[^1];

    /// <summary>The types of the entries a log entry applies: its own, or those of the unit it wraps.</summary>
    private static List<string> EntryTypes(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var entry = document.RootElement;
        return entry.GetProperty("t").GetString() == "unit"
            ? [.. entry.GetProperty("e").EnumerateArray().Select(e => e.GetProperty("t").GetString()!)]
            : [entry.GetProperty("t").GetString()!];
    }

    /// <summary>Truncates the newest segment halfway through its newest entry, as a crash mid-write leaves it.</summary>
    private static void CutTheNewestEntryInHalf(string directory)
    {
        var segment = NewestSegment(directory);
        var (payloads, intact, _) = WalFrames.ReadAll(segment);
        var start = intact - WalFrames.HeaderSize - payloads[^1].Length;
        using var file = new FileStream(segment, FileMode.Open, FileAccess.Write);
        file.SetLength(start + WalFrames.HeaderSize + (payloads[^1].Length / 2));
    }

    private static async Task<List<string>> ItemIdsAsync(DynamoEmulator emulator)
    {
        using var db = Client(emulator);
        var ids = new List<string>();
        await foreach (var page in db.Paginators.Scan(new ScanRequest("orders")).Responses)
        {
            ids.AddRange(page.Items.Select(i => i["id"].S));
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private static List<string> RecordIds(DynamoEmulator emulator)
    {
        var streams = emulator.Streams;
        var arn = Assert.Single(streams.ListStreams("us-east-1", "orders")).StreamArn;
        var ids = new List<string>();
        foreach (var shard in streams.DescribeStream(arn).Shards)
        {
            var position = StreamPosition.TrimHorizon;
            while (true)
            {
                var read = streams.ReadRecords(arn, shard.ShardId, position, 1000);
                if (read.Records.Count == 0)
                {
                    break;
                }

                ids.AddRange(read.Records.Select(r => JsonDocument.Parse(r.Json).RootElement.GetProperty("dynamodb").GetProperty("Keys").GetProperty("id").GetProperty("S").GetString()!));
                position = read.Next;
            }
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
