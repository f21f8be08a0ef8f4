using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Ttl;

/// <summary>
/// Keeps the time-to-live setting of every table; forgets a table's setting when the table is deleted.
/// </summary>
internal sealed class TtlRegistry : ITableChangeObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string Table), TtlSetting> _settings = [];

    /// <summary>Occurs after a setting changes (for persistence).</summary>
    internal event Action<TtlSetting?, (string Region, string Table)>? Changed;

    /// <summary>Finds a table's setting.</summary>
    /// <param name="region">The region.</param>
    /// <param name="tableName">The table name.</param>
    /// <returns>The setting, or <see langword="null"/> when TTL was never configured.</returns>
    public TtlSetting? Find(string region, string tableName)
    {
        lock (_gate)
        {
            return _settings.GetValueOrDefault((region, tableName));
        }
    }

    /// <summary>Lists the enabled settings.</summary>
    /// <returns>The settings.</returns>
    public IReadOnlyList<TtlSetting> ListEnabled()
    {
        lock (_gate)
        {
            return [.. _settings.Values.Where(s => s.Enabled)];
        }
    }

    /// <summary>Lists every setting (for persistence).</summary>
    /// <returns>The settings.</returns>
    public IReadOnlyList<TtlSetting> ListAll()
    {
        lock (_gate)
        {
            return [.. _settings.Values];
        }
    }

    /// <summary>Stores a setting.</summary>
    /// <param name="setting">The setting.</param>
    public void Set(TtlSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        lock (_gate)
        {
            _settings[(setting.Region, setting.TableName)] = setting;
        }

        Changed?.Invoke(setting, (setting.Region, setting.TableName));
    }

    /// <summary>Removes a table's setting (persisted deletion replay).</summary>
    internal void Remove(string region, string tableName)
    {
        lock (_gate)
        {
            _settings.Remove((region, tableName));
        }
    }

    /// <inheritdoc/>
    void ITableChangeObserver.OnTableCreated(TableDefinition table)
    {
    }

    /// <inheritdoc/>
    void ITableChangeObserver.OnTableUpdated(TableDefinition before, TableDefinition after)
    {
    }

    /// <inheritdoc/>
    void ITableChangeObserver.OnTableDeleted(TableDefinition table)
    {
        bool removed;
        lock (_gate)
        {
            removed = _settings.Remove((table.Region, table.Name));
        }

        if (removed)
        {
            Changed?.Invoke(null, (table.Region, table.Name));
        }
    }
}
