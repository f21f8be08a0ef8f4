using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>Orders <see cref="SortKey"/> values component by component, a missing component first.</summary>
internal sealed class SortKeyComparer : IComparer<SortKey>
{
    public static SortKeyComparer Instance { get; } = new();

    public int Compare(SortKey x, SortKey y)
    {
        var comparer = KeyValueComparer.Instance;
        var result = comparer.Compare(x.Primary, y.Primary);
        if (result != 0)
        {
            return result;
        }

        result = comparer.Compare(x.TableHash, y.TableHash);
        return result != 0 ? result : comparer.Compare(x.TableRange, y.TableRange);
    }
}
