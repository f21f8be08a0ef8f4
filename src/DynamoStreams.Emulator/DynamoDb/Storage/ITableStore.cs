using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Keeps the tables of every region. The default implementation is <see cref="InMemoryTableStore"/>.
/// </summary>
internal interface ITableStore
{
    /// <summary>Finds a table.</summary>
    /// <param name="region">The region.</param>
    /// <param name="tableName">The table name.</param>
    /// <returns>The table, or <see langword="null"/>.</returns>
    StoredTable? Find(string region, string tableName);

    /// <summary>Creates a table.</summary>
    /// <param name="definition">The validated definition.</param>
    /// <param name="lifecycle">The statuses it reports (CreateTable: CREATING for a while), or <see langword="null"/> for ACTIVE at once (recovery).</param>
    /// <returns>The new table.</returns>
    /// <exception cref="Protocol.Errors.AwsServiceException">A table with that name exists or is still being deleted (<c>ResourceInUseException</c>).</exception>
    StoredTable Create(TableDefinition definition, TableLifecycle? lifecycle = null);

    /// <summary>Replaces a table's definition (UpdateTable, continuous backups) and notifies observers.</summary>
    /// <param name="table">The table.</param>
    /// <param name="update">Computes the new definition from the current one; runs under the table's lock.</param>
    /// <returns>The new definition.</returns>
    TableDefinition Update(StoredTable table, Func<TableDefinition, TableDefinition> update);

    /// <summary>Changes a table's tags (TagResource, UntagResource) and notifies observers before applying it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="change">Edits a copy of the current tags; runs under the table's lock and may throw to reject the change.</param>
    void UpdateTags(StoredTable table, Action<Dictionary<string, string>> change);

    /// <summary>Deletes a table and its items; observers see the deletion at once.</summary>
    /// <param name="region">The region.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="deletingUntil">
    /// Until when <see cref="FindDeleting"/> still reports the table (DeleteTable: DELETING for a while), or
    /// <see langword="null"/> for gone at once (recovery).
    /// </param>
    /// <returns>The deleted table, or <see langword="null"/> when it did not exist.</returns>
    StoredTable? Delete(string region, string tableName, DateTimeOffset? deletingUntil = null);

    /// <summary>Finds a deleted table that still reports DELETING at <paramref name="now"/>.</summary>
    /// <param name="region">The region.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The table, or <see langword="null"/>.</returns>
    StoredTable? FindDeleting(string region, string tableName, DateTimeOffset now);

    /// <summary>Lists the table names of a region in ascending order.</summary>
    /// <param name="region">The region.</param>
    /// <returns>The names.</returns>
    IReadOnlyList<string> ListTableNames(string region);

    /// <summary>Lists every table of every region (for persistence and diagnostics).</summary>
    /// <returns>The tables.</returns>
    IReadOnlyList<StoredTable> ListAll();
}
