using DynamoStreams.Emulator.DynamoDb.Storage;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Holds the locks of several tables at once, taken in one global order (region, then name) so that
/// concurrent transactions never deadlock.
/// </summary>
internal readonly struct TableLocks : IDisposable
{
    private readonly StoredTable[] _tables;

    private TableLocks(StoredTable[] tables)
    {
        _tables = tables;
    }

    public static TableLocks Enter(IEnumerable<StoredTable> tables)
    {
        var ordered = tables.Distinct()
            .OrderBy(t => t.Definition.Region, StringComparer.Ordinal)
            .ThenBy(t => t.Definition.Name, StringComparer.Ordinal)
            .ToArray();
        var entered = 0;
        try
        {
            foreach (var table in ordered)
            {
                table.SyncRoot.Enter();
                entered++;
            }
        }
        catch
        {
            for (var i = entered - 1; i >= 0; i--)
            {
                ordered[i].SyncRoot.Exit();
            }

            throw;
        }

        return new TableLocks(ordered);
    }

    public void Dispose()
    {
        for (var i = _tables.Length - 1; i >= 0; i--)
        {
            _tables[i].SyncRoot.Exit();
        }
    }
}
