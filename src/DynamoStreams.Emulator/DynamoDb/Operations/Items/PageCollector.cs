using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Storage;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Collects one Query or Scan page: evaluates candidates in order until <c>Limit</c> items were read or
/// 1 MB was read, applies the filter, and remembers the last evaluated item.
/// </summary>
internal sealed class PageCollector
{
    public const int MaxPageBytes = 1024 * 1024;

    private readonly int? _limit;
    private readonly ConditionExpression? _filter;
    private readonly List<StoredItem>? _evaluated;
    private long _bytes;

    public PageCollector(int? limit, ConditionExpression? filter)
    {
        _limit = limit;
        _filter = filter;
        _evaluated = filter is null ? null : [];
    }

    public List<StoredItem> Matches { get; } = [];

    /// <summary>Gets every item read, matched or filtered out (the matches themselves when there is no filter).</summary>
    public IReadOnlyList<StoredItem> Evaluated => _evaluated ?? Matches;

    public int ScannedCount { get; private set; }

    public long BytesRead => _bytes;

    public StoredItem? LastEvaluated { get; private set; }

    /// <summary>Gets whether the page stopped early (a LastEvaluatedKey is returned).</summary>
    public bool Truncated { get; private set; }

    /// <summary>Reads one candidate; returns false when the page is full.</summary>
    public bool Add(StoredItem item)
    {
        if (Truncated)
        {
            return false;
        }

        ScannedCount++;
        _bytes += item.Size;
        LastEvaluated = item;
        _evaluated?.Add(item);
        if (_filter is null || _filter.Evaluate(item.Attributes))
        {
            Matches.Add(item);
        }

        if ((_limit is not null && ScannedCount >= _limit) || _bytes >= MaxPageBytes)
        {
            Truncated = true;
            return false;
        }

        return true;
    }
}
