using System.Collections.Concurrent;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Keeps tables in memory, keyed by region and name; each table has its own lock, so writes to
/// different tables never contend.
/// </summary>
internal sealed class InMemoryTableStore : ITableStore
{
    private readonly ConcurrentDictionary<(string Region, string Name), StoredTable> _tables = new();
    private readonly ConcurrentDictionary<(string Region, string Name), StoredTable> _deleting = new();
    private readonly Lock _catalogLock = new();
    private readonly IReadOnlyList<IItemChangeObserver> _itemObservers;
    private readonly IReadOnlyList<ITableChangeObserver> _tableObservers;

    /// <summary>Creates the store with the observers of the write path and of table changes.</summary>
    /// <param name="itemObservers">The item write observers.</param>
    /// <param name="tableObservers">The table lifecycle observers.</param>
    public InMemoryTableStore(IEnumerable<IItemChangeObserver> itemObservers, IEnumerable<ITableChangeObserver> tableObservers)
    {
        _itemObservers = itemObservers.ToArray();
        _tableObservers = tableObservers.ToArray();
    }

    /// <inheritdoc />
    public StoredTable? Find(string region, string tableName) => _tables.GetValueOrDefault((region, tableName));

    /// <inheritdoc />
    public StoredTable Create(TableDefinition definition, TableLifecycle? lifecycle = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_catalogLock)
        {
            if (_tables.ContainsKey((definition.Region, definition.Name))
                || (lifecycle is not null && FindDeleting(definition.Region, definition.Name, definition.CreationDateTime) is not null))
            {
                throw DynamoDbErrors.ResourceInUse("Table already exists: " + definition.Name);
            }

            var table = new StoredTable(definition, _itemObservers, lifecycle);
            foreach (var observer in _tableObservers)
            {
                observer.OnTableCreated(definition);
            }

            _tables[(definition.Region, definition.Name)] = table;
            return table;
        }
    }

    /// <inheritdoc />
    public TableDefinition Update(StoredTable table, Func<TableDefinition, TableDefinition> update)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(update);
        lock (_catalogLock)
        {
            lock (table.SyncRoot)
            {
                var before = table.Definition;
                var after = update(before);
                if (ReferenceEquals(before, after))
                {
                    return before;
                }

                foreach (var observer in _tableObservers)
                {
                    observer.OnTableUpdated(before, after);
                }

                table.Redefine(after);
                return after;
            }
        }
    }

    /// <inheritdoc />
    public void UpdateTags(StoredTable table, Action<Dictionary<string, string>> change)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(change);
        lock (_catalogLock)
        {
            lock (table.SyncRoot)
            {
                var tags = new Dictionary<string, string>(table.Tags, StringComparer.Ordinal);
                change(tags);
                foreach (var observer in _tableObservers)
                {
                    observer.OnTableTagsChanged(table.Definition, tags);
                }

                table.Tags.Clear();
                foreach (var (key, value) in tags)
                {
                    table.Tags[key] = value;
                }
            }
        }
    }

    /// <inheritdoc />
    public StoredTable? Delete(string region, string tableName, DateTimeOffset? deletingUntil = null)
    {
        lock (_catalogLock)
        {
            if (!_tables.TryGetValue((region, tableName), out var table))
            {
                return null;
            }

            lock (table.SyncRoot)
            {
                foreach (var observer in _tableObservers)
                {
                    observer.OnTableDeleted(table.Definition);
                }

                table.IsDeleted = true;
                _tables.TryRemove((region, tableName), out _);
                if (deletingUntil is { } until)
                {
                    table.DeletingUntil = until;
                    _deleting[(region, tableName)] = table;
                }

                return table;
            }
        }
    }

    /// <inheritdoc />
    public StoredTable? FindDeleting(string region, string tableName, DateTimeOffset now)
    {
        if (!_deleting.TryGetValue((region, tableName), out var table))
        {
            return null;
        }

        if (now < table.DeletingUntil)
        {
            return table;
        }

        // Forget every table whose DELETING period is over, so deleted items do not stay in memory.
        foreach (var entry in _deleting)
        {
            if (entry.Value.DeletingUntil <= now)
            {
                _deleting.TryRemove(entry);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListTableNames(string region)
    {
        var names = new List<string>();
        foreach (var key in _tables.Keys)
        {
            if (key.Region == region)
            {
                names.Add(key.Name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredTable> ListAll() => _tables.Values.ToArray();
}
