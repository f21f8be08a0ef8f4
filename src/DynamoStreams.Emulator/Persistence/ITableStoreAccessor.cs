using DynamoStreams.Emulator.DynamoDb.Storage;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Reads table tags lazily: the table store depends on the observers, so observers reach it only after startup.
/// </summary>
internal interface ITableStoreAccessor
{
    IReadOnlyDictionary<string, string> TagsOf(string region, string tableName);
}

/// <summary>Implements <see cref="ITableStoreAccessor"/> over the service provider.</summary>
internal sealed class TableStoreAccessor(IServiceProvider services) : ITableStoreAccessor
{
    public IReadOnlyDictionary<string, string> TagsOf(string region, string tableName)
    {
        // Called under the catalog lock before the table's own lock is needed; the table lock is re-entrant.
        var table = services.GetRequiredService<ITableStore>().Find(region, tableName);
        if (table is null)
        {
            return new Dictionary<string, string>();
        }

        lock (table.SyncRoot)
        {
            return new Dictionary<string, string>(table.Tags, StringComparer.Ordinal);
        }
    }
}
