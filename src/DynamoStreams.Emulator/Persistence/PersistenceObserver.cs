using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Logs every item write and table change from the write path to the state journal, in commit order.
/// </summary>
internal sealed class PersistenceObserver(StateJournal journal, ITableStoreAccessor tables) : IItemChangeObserver, ITableChangeObserver
{
    public void OnItemChanging(ItemChange change)
    {
        if (change.Kind == ItemChangeKind.None || !journal.IsActive)
        {
            return;
        }

        if (change.NewItem is { } item)
        {
            journal.ItemPut(change.Table.Region, change.Table.Name, item);
        }
        else
        {
            journal.ItemDeleted(change.Table.Region, change.Table.Name, change.Keys);
        }
    }

    public void OnTableCreated(TableDefinition table) => journal.TableChanged(table, new Dictionary<string, string>());

    public void OnTableUpdated(TableDefinition before, TableDefinition after) =>
        journal.TableChanged(after, tables.TagsOf(after.Region, after.Name));

    public void OnTableDeleted(TableDefinition table) => journal.TableDeleted(table.Region, table.Name);

    public void OnTableTagsChanged(TableDefinition table, IReadOnlyDictionary<string, string> tags) => journal.TableChanged(table, tags);
}
