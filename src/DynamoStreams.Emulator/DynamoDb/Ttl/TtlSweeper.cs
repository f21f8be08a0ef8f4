using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.DynamoDb.Ttl;

/// <summary>
/// Deletes expired items in the background, as DynamoDB's TTL does: an item expires when its TTL attribute is a
/// number of epoch seconds in the past and not more than five years old. Deletions are service writes, so their
/// stream records carry <c>userIdentity {Type: Service, PrincipalId: dynamodb.amazonaws.com}</c>.
/// </summary>
internal sealed class TtlSweeper : BackgroundService
{
    private static readonly long s_fiveYearsSeconds = (long)TimeSpan.FromDays(5 * 365).TotalSeconds;
    private readonly TtlRegistry _registry;
    private readonly ITableStore _tables;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<TtlSweeper> _logger;

    public TtlSweeper(TtlRegistry registry, ITableStore tables, DynamoEmulatorOptions options, ILogger<TtlSweeper> logger)
    {
        _registry = registry;
        _tables = tables;
        _time = options.TimeProvider;
        _interval = options.TtlSweepInterval;
        _logger = logger;
    }

    /// <summary>Deletes every expired item of every table with TTL enabled.</summary>
    /// <returns>The number of items deleted.</returns>
    public int SweepOnce()
    {
        var nowSeconds = _time.GetUtcNow().ToUnixTimeSeconds();
        var now = DynamoNumber.FromInt64(nowSeconds);
        var oldest = DynamoNumber.FromInt64(nowSeconds - s_fiveYearsSeconds);
        var deleted = 0;
        foreach (var setting in _registry.ListEnabled())
        {
            var table = _tables.Find(setting.Region, setting.TableName);
            if (table is null)
            {
                continue;
            }

            lock (table.SyncRoot)
            {
                if (table.IsDeleted)
                {
                    continue;
                }

                var expired = table.Items.ScanPartitions(null, 0, ulong.MaxValue)
                    .SelectMany(partition => partition.Items.Values)
                    .Where(item => IsExpired(item, setting.AttributeName, now, oldest))
                    .ToList();
                foreach (var item in expired)
                {
                    table.Commit(KeyOf(table.Definition, item), item, null, WriteOrigin.Service);
                    deleted++;
                }
            }
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var deleted = SweepOnce();
                if (deleted > 0)
                {
                    _logger.LogDebug("TTL sweep deleted {Count} expired items", deleted);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static bool IsExpired(StoredItem item, string attribute, DynamoNumber now, DynamoNumber oldest) =>
        item.Attributes.TryGetValue(attribute, out var value)
        && value.Type == AttributeValueType.N
        && value.AsNumber().CompareTo(now) < 0
        && value.AsNumber().CompareTo(oldest) >= 0;

    private static Dictionary<string, AttributeValue> KeyOf(TableDefinition table, StoredItem item)
    {
        var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal)
        {
            [table.KeySchema.HashKey.Name] = item.Attributes[table.KeySchema.HashKey.Name],
        };
        if (table.KeySchema.RangeKey is { } range)
        {
            key[range.Name] = item.Attributes[range.Name];
        }

        return key;
    }
}
