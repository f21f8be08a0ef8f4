using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Describes one write of one item as the write path commits it: the table, the key, the item before and
/// after, and who made it. Observers receive it before the change is applied and before the client's
/// response is sent.
/// </summary>
internal sealed class ItemChange
{
    private readonly StoredItem? _old;
    private readonly StoredItem? _new;

    /// <summary>Creates a change and classifies it.</summary>
    /// <param name="table">The table definition at the time of the write (key schema, stream settings).</param>
    /// <param name="keys">The item's primary key attributes.</param>
    /// <param name="oldItem">The item before the write, or <see langword="null"/> when it did not exist.</param>
    /// <param name="newItem">The item after the write, or <see langword="null"/> when it was deleted.</param>
    /// <param name="origin">Who made the write.</param>
    public ItemChange(TableDefinition table, IReadOnlyDictionary<string, AttributeValue> keys, StoredItem? oldItem, StoredItem? newItem, WriteOrigin origin)
    {
        Table = table;
        Keys = keys;
        _old = oldItem;
        _new = newItem;
        Origin = origin;
        Kind = (OldItem, NewItem) switch
        {
            (null, null) => ItemChangeKind.None,
            (null, _) => ItemChangeKind.Insert,
            (_, null) => ItemChangeKind.Remove,
            _ => ItemEquality.AreEqual(OldItem, NewItem) ? ItemChangeKind.None : ItemChangeKind.Modify,
        };
    }

    /// <summary>Gets the table definition at the time of the write.</summary>
    public TableDefinition Table { get; }

    /// <summary>Gets the item's primary key attributes.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Keys { get; }

    /// <summary>Gets the item before the write, or <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? OldItem => _old?.Attributes;

    /// <summary>Gets the item after the write, or <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? NewItem => _new?.Attributes;

    /// <summary>Gets the size of the item before the write as DynamoDB counts it (0 when it did not exist), as stored with it.</summary>
    public long OldItemSize => _old?.Size ?? 0;

    /// <summary>Gets the size of the item after the write as DynamoDB counts it (0 when it was deleted), as stored with it.</summary>
    public long NewItemSize => _new?.Size ?? 0;

    /// <summary>Gets who made the write.</summary>
    public WriteOrigin Origin { get; }

    /// <summary>Gets the kind of change; <see cref="ItemChangeKind.None"/> when the write changed nothing.</summary>
    public ItemChangeKind Kind { get; }
}
