using DynamoStreams.Emulator.Streams;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// Shard lineage end to end: the emulator routes items to two shards and rolls each over after four records, so a
/// stream holds closed parents and open children; the engine reads it through the in-process interface and a real Node
/// handler process receives the batches.
/// </summary>
public sealed class LineageEndToEndTests(LineageEndToEndTests.RolloverFixture fixture) : IClassFixture<LineageEndToEndTests.RolloverFixture>
{
    private const int Keys = 4;
    private const int RecordsPerKey = 8;

    /// <summary>An emulator whose streams have two open shards, each closing after four records.</summary>
    public sealed class RolloverFixture() : EsmFixture(TimeProvider.System, new StreamsOptions { ShardsPerStream = 2, RolloverAfterRecords = 4 });

    [Fact]
    public async Task RolledOverShards_ParentStuckOnError_ChildrenWaitThenEveryKeyDeliveredInOrder()
    {
        // spec B.2 "parents before children", A.5 shard lineage, A.1 per-item order; issue 6 "new shards picked up"
        var (table, arn) = await fixture.CreateTableAsync("lineage");
        var function = await fixture.RegisterHandlerAsync("lineage");
        for (var n = 1; n <= RecordsPerKey; n++)
        {
            for (var k = 1; k <= Keys; k++)
            {
                await fixture.PutAsync(table, $"k{k}", n, k == 1 && n == 2 ? "throw-until-healed" : null);
            }
        }

        var shardOf = ShardOfEachRecord(arn);
        var parentOf = fixture.Emulator.Streams.DescribeStream(arn).Shards.ToDictionary(s => s.ShardId, s => s.ParentShardId);
        Assert.True(parentOf.Values.Count(p => p is not null) >= 4, "the writes rolled the shards over several times");

        await using var engine = fixture.CreateEngine();
        var mapping = engine.CreateMapping(EsmFixture.Mapping(arn, function, o => o.BatchSize = 3));
        await mapping.StartAsync();

        // While k1#2 keeps failing, its shard cannot finish, so no record of that shard's descendants may be delivered.
        await Eventually.WaitAsync(() => function.Invocations().Count(i => i.Records.Any(r => r.Key == "k1" && r.N == 2)) >= 3, "k1#2 retried");
        var stuckShard = shardOf[function.Invocations().SelectMany(i => i.Records).First(r => r.Key == "k1" && r.N == 2).Seq];
        var descendants = parentOf.Keys.Where(s => IsDescendant(s, stuckShard, parentOf)).ToHashSet();
        Assert.NotEmpty(descendants);
        Assert.DoesNotContain(function.Invocations().SelectMany(i => i.Records), r => descendants.Contains(shardOf[r.Seq]));

        await File.WriteAllTextAsync(function.ExitFile + ".healed", "fixed");
        await Eventually.WaitAsync(
            () => function.Invocations().SelectMany(i => i.Records).Select(r => r.Seq).Distinct().Count() == Keys * RecordsPerKey,
            "every record delivered once the error is healed");

        var deliveries = function.Invocations().SelectMany(i => i.Records).ToList();
        for (var k = 1; k <= Keys; k++)
        {
            var firstDeliveries = deliveries.Where(r => r.Key == $"k{k}").Select(r => r.N).Distinct().ToList();
            Assert.Equal(Enumerable.Range(1, RecordsPerKey), firstDeliveries);
        }

        foreach (var (child, parent) in parentOf)
        {
            var lastOfParent = deliveries.FindLastIndex(r => shardOf[r.Seq] == parent);
            var firstOfChild = deliveries.FindIndex(r => shardOf[r.Seq] == child);
            if (parent is not null && firstOfChild >= 0)
            {
                Assert.True(lastOfParent < firstOfChild, $"shard {child} was read before its parent {parent} finished");
            }
        }

        await Eventually.WaitAsync(
            () => mapping.GetStatus().Shards.Count(s => s.Finished) == fixture.Emulator.Streams.DescribeStream(arn).Shards.Count(s => !s.IsOpen),
            "every closed shard marked finished");
    }

    private Dictionary<string, string> ShardOfEachRecord(string streamArn)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var shard in fixture.Emulator.Streams.DescribeStream(streamArn).Shards)
        {
            var read = fixture.Emulator.Streams.ReadRecords(streamArn, shard.ShardId, StreamPosition.TrimHorizon, 1000);
            foreach (var record in read.Records)
            {
                result[record.SequenceNumber] = shard.ShardId;
            }
        }

        return result;
    }

    private static bool IsDescendant(string shard, string ancestor, IReadOnlyDictionary<string, string?> parentOf)
    {
        for (var parent = parentOf[shard]; parent is not null; parent = parentOf.GetValueOrDefault(parent))
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
