namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Names the log entry types (the <c>"t"</c> member of each entry), written by the journal and the snapshot writer and
/// read by <see cref="StateRestorer"/>.
/// </summary>
internal static class EntryTypes
{
    /// <summary>The type of the entries of one atomic write, applied all or none (written by <see cref="WriteUnit"/>).</summary>
    public const string Unit = "unit";

    /// <summary>The type of a table definition and its tags.</summary>
    public const string Table = "table";

    /// <summary>The type of a deleted table.</summary>
    public const string TableDeleted = "table-deleted";

    /// <summary>The type of an item's full image.</summary>
    public const string Item = "item";

    /// <summary>The type of a deleted item, by its key.</summary>
    public const string ItemDeleted = "item-deleted";

    /// <summary>The type of a stream's shape (shards, label, enabled).</summary>
    public const string Stream = "stream";

    /// <summary>The type of a stream record.</summary>
    public const string Record = "record";

    /// <summary>The type of a table's TTL setting.</summary>
    public const string Ttl = "ttl";

    /// <summary>The type of a removed TTL setting.</summary>
    public const string TtlDeleted = "ttl-deleted";

    /// <summary>The type of a queue with its messages.</summary>
    public const string Queue = "queue";

    /// <summary>The type of a deleted queue.</summary>
    public const string QueueDeleted = "queue-deleted";

    /// <summary>The type of a queue's attributes and tags.</summary>
    public const string QueueMeta = "queue-meta";

    /// <summary>The type of a stored message.</summary>
    public const string QueueMessage = "queue-msg";

    /// <summary>The type of a deleted message.</summary>
    public const string QueueMessageDeleted = "queue-msg-deleted";

    /// <summary>The type of a purged queue.</summary>
    public const string QueuePurged = "queue-purged";

    /// <summary>The type of a durable key and its value.</summary>
    public const string KeyValue = "kv";

    /// <summary>The type of a deleted durable key.</summary>
    public const string KeyValueDeleted = "kv-deleted";

    /// <summary>The type of the end of a snapshot.</summary>
    public const string End = "end";
}
