using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Finds, by binary search, the contiguous run of a partition's items whose sort key passes a key
/// condition, and the resume point after an ExclusiveStartKey.
/// </summary>
internal static class PartitionRange
{
    public static (int Start, int End) Find(IList<SortKey> keys, KeyCondition condition)
    {
        var op = condition.SortOperator;
        var comparer = KeyValueComparer.Instance;
        var start = op switch
        {
            null or KeyConditionOperator.Less or KeyConditionOperator.LessOrEqual => 0,
            KeyConditionOperator.Greater => FirstIndex(keys, 0, k => comparer.Compare(k.Primary, condition.SortValue) > 0),
            _ => FirstIndex(keys, 0, k => comparer.Compare(k.Primary, condition.SortValue) >= 0),
        };

        // Items from start on pass the condition up to a point, then none does: search for that point.
        var end = FirstIndex(keys, start, k => !condition.MatchesSortKey(k.Primary));
        return (start, end);
    }

    /// <summary>Returns the first index at or after <paramref name="from"/> where a monotone predicate holds (or Count).</summary>
    public static int FirstIndex(IList<SortKey> keys, int from, Func<SortKey, bool> predicate)
    {
        var low = from;
        var high = keys.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (predicate(keys[mid]))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    /// <summary>Returns the index of the first key strictly after <paramref name="key"/>.</summary>
    public static int After(IList<SortKey> keys, SortKey key) =>
        FirstIndex(keys, 0, k => SortKeyComparer.Instance.Compare(k, key) > 0);

    /// <summary>Returns the index of the first key at or after <paramref name="key"/>.</summary>
    public static int AtOrAfter(IList<SortKey> keys, SortKey key) =>
        FirstIndex(keys, 0, k => SortKeyComparer.Instance.Compare(k, key) >= 0);
}
