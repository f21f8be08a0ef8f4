using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Tracks the transient states DynamoDB reports while a table or a global secondary index is being
/// created or updated. Every change takes effect at once; only the reported status waits: a state
/// ends at an instant compared with the emulator's clock, so nothing runs in the background and a
/// manual clock drives it in tests. A table loaded from the data directory starts ACTIVE.
/// </summary>
internal sealed class TableLifecycle
{
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _activeAt;
    private readonly Dictionary<string, DateTimeOffset> _indexesActiveAt = new(StringComparer.Ordinal);
    private DateTimeOffset _updatedAt;
    private ProvisionedThroughput? _throughputWhileUpdating;

    private TableLifecycle(DateTimeOffset activeAt) => _activeAt = activeAt;

    /// <summary>Creates the lifecycle of a table that is ACTIVE already (recovered from disk, or created by a store caller that skips CREATING).</summary>
    /// <returns>The lifecycle.</returns>
    public static TableLifecycle CreateActive() => new(DateTimeOffset.MinValue);

    /// <summary>Creates the lifecycle of a new table that reports CREATING until <paramref name="activeAt"/>.</summary>
    /// <param name="activeAt">The instant the table turns ACTIVE.</param>
    /// <returns>The lifecycle.</returns>
    public static TableLifecycle CreatingUntil(DateTimeOffset activeAt) => new(activeAt);

    /// <summary>Gets whether the table is still CREATING (data operations then fail with <c>ResourceNotFoundException</c>).</summary>
    /// <param name="now">The current instant.</param>
    /// <returns><see langword="true"/> while CREATING.</returns>
    public bool IsCreating(DateTimeOffset now) => now < _activeAt;

    /// <summary>Gets the table status: <c>CREATING</c>, <c>UPDATING</c> or <c>ACTIVE</c>.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The status.</returns>
    public string TableStatus(DateTimeOffset now)
    {
        if (IsCreating(now))
        {
            return "CREATING";
        }

        lock (_lock)
        {
            return now < _updatedAt ? "UPDATING" : "ACTIVE";
        }
    }

    /// <summary>Gets a global secondary index's status: <c>CREATING</c> while the table or the index is being created, else <c>ACTIVE</c>.</summary>
    /// <param name="indexName">The index name.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The status.</returns>
    public string IndexStatus(string indexName, DateTimeOffset now) => IsIndexCreating(indexName, now) ? "CREATING" : "ACTIVE";

    /// <summary>Gets whether a global secondary index is still being created (backfilled).</summary>
    /// <param name="indexName">The index name.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see langword="true"/> while the index is CREATING.</returns>
    public bool IsIndexCreating(string indexName, DateTimeOffset now)
    {
        if (IsCreating(now))
        {
            return true;
        }

        lock (_lock)
        {
            return _indexesActiveAt.TryGetValue(indexName, out var activeAt) && now < activeAt;
        }
    }

    /// <summary>
    /// Gets the throughput to report while an UpdateTable throughput change is in progress (the values from before
    /// it, as DynamoDB reports them until the change completes), or <see langword="null"/> to report the definition's.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The throughput being replaced, or <see langword="null"/>.</returns>
    public ProvisionedThroughput? ThroughputWhileUpdating(DateTimeOffset now)
    {
        lock (_lock)
        {
            return now < _updatedAt ? _throughputWhileUpdating : null;
        }
    }

    /// <summary>Records an UpdateTable: the table reports UPDATING until <paramref name="until"/>.</summary>
    /// <param name="until">The instant the update completes.</param>
    /// <param name="throughputWhileUpdating">The throughput to keep reporting until then, or <see langword="null"/> when throughput does not change.</param>
    public void BeginUpdate(DateTimeOffset until, ProvisionedThroughput? throughputWhileUpdating)
    {
        lock (_lock)
        {
            _updatedAt = until;
            _throughputWhileUpdating = throughputWhileUpdating;
        }
    }

    /// <summary>Records a global secondary index added by UpdateTable: it reports CREATING until <paramref name="until"/>.</summary>
    /// <param name="indexName">The index name.</param>
    /// <param name="until">The instant the index turns ACTIVE.</param>
    public void BeginIndexCreation(string indexName, DateTimeOffset until)
    {
        lock (_lock)
        {
            _indexesActiveAt[indexName] = until;
        }
    }
}
