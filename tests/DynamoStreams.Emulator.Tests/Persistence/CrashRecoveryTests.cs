using System.Collections.Concurrent;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Persistence;
using DynamoStreams.Emulator.Tests.Streams;

namespace DynamoStreams.Emulator.Tests.Persistence;

public sealed class CrashRecoveryTests : IDisposable
{
    private const int Writers = 16;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dse-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Sigkill_MidLoad_EveryAcknowledgedWriteAndItsRecordSurviveInOrderAndNothingElse()
    {
        // issue 4 persistence: kill -9 the standalone emulator during a write-heavy load, restart on the same dir
        var acknowledged = Enumerable.Range(0, Writers).Select(_ => new ConcurrentQueue<int>()).ToArray();
        var attempted = new int[Writers];
        using (var first = await EmulatorProcess.StartAsync(_directory))
        {
            using var db = EmulatorProcess.CreateClient(first.Endpoint);
            await db.CreateTableAsync(new CreateTableRequest
            {
                TableName = "load",
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
                StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
            });
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    attempted[w] = i + 1;
                    try
                    {
                        await db.PutItemAsync("load", new() { ["id"] = new() { S = $"w{w}-{i}" }, ["w"] = new() { N = $"{w}" }, ["i"] = new() { N = $"{i}" } });
                    }
                    catch (Exception) when (stop.IsCancellationRequested || first.HasExited)
                    {
                        return;
                    }
                    catch (AmazonServiceException)
                    {
                        return;
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }

                    acknowledged[w].Enqueue(i);
                }
            })).ToArray();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (acknowledged.Sum(q => q.Count) < 1500)
            {
                await Task.Delay(10, timeout.Token);
            }

            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(60));
        }

        using var second = await EmulatorProcess.StartAsync(_directory);
        using var db2 = EmulatorProcess.CreateClient(second.Endpoint);
        using var streams = new StreamsTestClient(new Uri(second.Endpoint));
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await db2.ScanAsync(new ScanRequest("load") { ExclusiveStartKey = start });
            items.AddRange(page.Items);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        var arn = (await db2.DescribeTableAsync("load")).Table.LatestStreamArn;
        var shard = (await streams.DescribeStreamAsync(arn)).GetProperty("Shards")[0].GetProperty("ShardId").GetString()!;
        var records = await streams.ReadAllAsync(arn, shard);
        var recordIds = records.Select(r => r.GetProperty("dynamodb").GetProperty("Keys").GetProperty("id").GetProperty("S").GetString()!).ToList();
        var itemIds = items.Select(i => i["id"].S).ToHashSet();

        Assert.True(acknowledged.Sum(q => q.Count) >= 1500);
        Assert.All(records, r => Assert.Equal("INSERT", r.GetProperty("eventName").GetString()));
        Assert.Equal(recordIds.Count, recordIds.Distinct().Count());
        Assert.Equal(itemIds.Order(), recordIds.Order());
        for (var w = 0; w < Writers; w++)
        {
            var prefix = $"w{w}-";
            var inStream = recordIds.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Select(id => int.Parse(id[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var acked = acknowledged[w].ToList();

            // Every acknowledged write is there, in write order; at most the one write in flight at the kill is extra.
            Assert.Equal(Enumerable.Range(0, inStream.Count), inStream);
            Assert.True(inStream.Count >= acked.Count, $"writer {w}: {acked.Count} acknowledged, {inStream.Count} recovered");
            Assert.True(inStream.Count <= attempted[w], $"writer {w}: {inStream.Count} recovered but only {attempted[w]} attempted");
            Assert.True(inStream.Count <= acked.Count + 1);
        }
    }

    [Fact]
    public async Task Recovery_TornTailInLog_IsDroppedAndTheIntactEntriesKept()
    {
        // issue 4 persistence: a torn tail is detected and dropped on recovery
        await using (var first = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory }))
        {
            await first.DurableStore.SetAsync("kept-by-snapshot", "1");
        }

        var wal = Directory.GetFiles(_directory, "wal-*.log").Order().Last();
        using (var file = new FileStream(wal, FileMode.Append))
        {
            WalFrames.Write(file, """{"t":"kv","k":"kept-by-log","v":"2"}"""u8);
            file.Write(Encoding.UTF8.GetBytes("\u0040\0\0\0torn"));
        }

        var intact = new FileInfo(wal).Length - 8;
        await using var second = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory });

        Assert.Equal("1", second.DurableStore.Get("kept-by-snapshot"));
        Assert.Equal("2", second.DurableStore.Get("kept-by-log"));
        Assert.False(File.Exists(wal) && new FileInfo(wal).Length > intact);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
