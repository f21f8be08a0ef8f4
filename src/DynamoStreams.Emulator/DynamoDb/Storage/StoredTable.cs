using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Holds one table: its definition, its items and secondary indexes, and its tags. Every read and write
/// of items happens under <see cref="SyncRoot"/>; <see cref="Commit"/> is the one write path.
/// </summary>
internal sealed class StoredTable
{
    private readonly IReadOnlyList<IItemChangeObserver> _observers;
    private readonly Dictionary<string, OrderedItems> _indexes = new(StringComparer.Ordinal);
    private volatile TableDefinition _definition;

    internal StoredTable(TableDefinition definition, IReadOnlyList<IItemChangeObserver> observers, TableLifecycle? lifecycle = null)
    {
        _definition = definition;
        Lifecycle = lifecycle ?? TableLifecycle.CreateActive();
        _observers = observers;
        Items = new OrderedItems(definition.KeySchema.RangeKey is not null);
        RebuildIndexes(definition);
    }

    /// <summary>Gets the current definition (an immutable snapshot).</summary>
    public TableDefinition Definition => _definition;

    /// <summary>Gets the transient statuses (CREATING, UPDATING, index CREATING) the table reports.</summary>
    public TableLifecycle Lifecycle { get; }

    /// <summary>Gets the lock that orders every read and write of this table's items.</summary>
    public Lock SyncRoot { get; } = new();

    /// <summary>Gets the table's tags (guarded by <see cref="SyncRoot"/>).</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets whether the table has been deleted (operations holding a stale reference must fail).</summary>
    public bool IsDeleted { get; internal set; }

    /// <summary>Gets until when a deleted table is still reported as DELETING by DescribeTable.</summary>
    public DateTimeOffset DeletingUntil { get; internal set; }

    /// <summary>Gets the number of items (read under <see cref="SyncRoot"/>).</summary>
    public int ItemCount => Items.Count;

    /// <summary>Gets the total size of the items in bytes (read under <see cref="SyncRoot"/>).</summary>
    public long SizeBytes => Items.TotalSize;

    internal OrderedItems Items { get; }

    /// <summary>Reads an item by its primary key; call under <see cref="SyncRoot"/>.</summary>
    /// <param name="key">The key attributes (validated against the schema).</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public StoredItem? Get(IReadOnlyDictionary<string, AttributeValue> key)
    {
        var schema = _definition.KeySchema;
        return Items.Get(key[schema.HashKey.Name], new SortKey(schema.RangeKey is null ? null : key[schema.RangeKey.Name], null, null));
    }

    /// <summary>
    /// Commits one item write: builds the <see cref="ItemChange"/>, lets every observer see it, then applies
    /// it to the items and indexes. Call under <see cref="SyncRoot"/>, after conditions were checked.
    /// </summary>
    /// <param name="key">The item's key attributes.</param>
    /// <param name="oldItem">The current item as read under the same lock, or <see langword="null"/>.</param>
    /// <param name="newItem">The item to store, or <see langword="null"/> to delete.</param>
    /// <param name="origin">Who made the write.</param>
    /// <returns>The change, classified.</returns>
    public ItemChange Commit(IReadOnlyDictionary<string, AttributeValue> key, StoredItem? oldItem, StoredItem? newItem, WriteOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(key);
        var definition = _definition;
        var change = new ItemChange(definition, key, oldItem, newItem, origin);
        using (AtomicWrite.Begin())
        {
            // Indexed, not foreach: enumerating the interface would allocate an enumerator on every write.
            for (var i = 0; i < _observers.Count; i++)
            {
                _observers[i].OnItemChanging(change);
            }
        }

        if (change.Kind == ItemChangeKind.None)
        {
            return change;
        }

        var schema = definition.KeySchema;
        var hash = key[schema.HashKey.Name];
        var sortKey = new SortKey(schema.RangeKey is null ? null : key[schema.RangeKey.Name], null, null);
        if (oldItem is not null)
        {
            RemoveFromIndexes(definition, oldItem);
        }

        if (newItem is null)
        {
            Items.Remove(hash, sortKey);
        }
        else
        {
            Items.Put(hash, sortKey, newItem);
            AddToIndexes(definition, newItem);
        }

        return change;
    }

    /// <summary>Gets the ordered items of a secondary index.</summary>
    internal OrderedItems? GetIndex(string indexName) => _indexes.GetValueOrDefault(indexName);

    /// <summary>Replaces the definition and rebuilds the indexes that changed; call under <see cref="SyncRoot"/>.</summary>
    internal void Redefine(TableDefinition definition)
    {
        _definition = definition;
        RebuildIndexes(definition);
    }

    internal static (AttributeValue Hash, SortKey Sort)? IndexKey(TableDefinition table, SecondaryIndex index, IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(index.KeySchema.HashKey.Name, out var hash) || TypeCode(hash) != index.KeySchema.HashKey.Type)
        {
            return null;
        }

        AttributeValue? range = null;
        if (index.KeySchema.RangeKey is { } rangeKey
            && (!item.TryGetValue(rangeKey.Name, out range) || TypeCode(range) != rangeKey.Type))
        {
            return null;
        }

        var tableSchema = table.KeySchema;
        var tableHash = index.IsGlobal ? item[tableSchema.HashKey.Name] : null;
        var tableRange = tableSchema.RangeKey is null ? null : item[tableSchema.RangeKey.Name];
        return (hash, new SortKey(range, tableHash, tableRange));
    }

    private static string TypeCode(AttributeValue value) => value.Type switch
    {
        AttributeValueType.S => "S",
        AttributeValueType.N => "N",
        AttributeValueType.B => "B",
        _ => string.Empty,
    };

    private void AddToIndexes(TableDefinition definition, StoredItem item)
    {
        if (_indexes.Count == 0)
        {
            return;
        }

        foreach (var index in definition.SecondaryIndexes)
        {
            if (_indexes.TryGetValue(index.Name, out var items) && IndexKey(definition, index, item.Attributes) is { } key)
            {
                items.Put(key.Hash, key.Sort, item);
            }
        }
    }

    private void RemoveFromIndexes(TableDefinition definition, StoredItem item)
    {
        if (_indexes.Count == 0)
        {
            return;
        }

        foreach (var index in definition.SecondaryIndexes)
        {
            if (_indexes.TryGetValue(index.Name, out var items) && IndexKey(definition, index, item.Attributes) is { } key)
            {
                items.Remove(key.Hash, key.Sort);
            }
        }
    }

    private void RebuildIndexes(TableDefinition definition)
    {
        var wanted = definition.SecondaryIndexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var name in _indexes.Keys.Where(n => !wanted.ContainsKey(n)).ToList())
        {
            _indexes.Remove(name);
        }

        foreach (var (name, index) in wanted)
        {
            if (_indexes.ContainsKey(name))
            {
                continue;
            }

            // A new index is backfilled at once; only its reported status waits (see TableLifecycle).
            var items = new OrderedItems(hasSortKey: true);
            foreach (var partition in Items.ScanPartitions(null, 0, ulong.MaxValue))
            {
                foreach (var item in partition.Items.Values)
                {
                    if (IndexKey(definition, index, item.Attributes) is { } key)
                    {
                        items.Put(key.Hash, key.Sort, item);
                    }
                }
            }

            _indexes.Add(name, items);
        }
    }
}
