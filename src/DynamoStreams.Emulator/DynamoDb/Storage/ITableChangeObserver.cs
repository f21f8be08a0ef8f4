using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Observes table lifecycle changes (create, update incl. stream specification changes, delete).
/// Called synchronously under the catalog lock before the client's response is sent.
/// </summary>
internal interface ITableChangeObserver
{
    /// <summary>Observes a table creation.</summary>
    /// <param name="table">The new table's definition.</param>
    void OnTableCreated(TableDefinition table);

    /// <summary>Observes a definition change (indexes, billing, stream specification, flags).</summary>
    /// <param name="before">The definition before the update.</param>
    /// <param name="after">The definition after the update.</param>
    void OnTableUpdated(TableDefinition before, TableDefinition after);

    /// <summary>Observes a table deletion (its items are gone after this call).</summary>
    /// <param name="table">The deleted table's last definition.</param>
    void OnTableDeleted(TableDefinition table);

    /// <summary>Observes a change of a table's tags, before it is applied.</summary>
    /// <param name="table">The table's definition.</param>
    /// <param name="tags">The complete set of tags after the change.</param>
    void OnTableTagsChanged(TableDefinition table, IReadOnlyDictionary<string, string> tags)
    {
    }
}
