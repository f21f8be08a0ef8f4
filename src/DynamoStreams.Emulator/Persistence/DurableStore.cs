namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Implements <see cref="IDurableStore"/> in memory, logging every change to the state journal.
/// </summary>
internal sealed class DurableStore(StateJournal journal) : IDurableStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _values.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>> List(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        lock (_gate)
        {
            return [.. _values.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        long lsn;
        lock (_gate)
        {
            _values[key] = value;
            lsn = journal.KeyValueSet(key, value);
        }

        return journal.WaitDurableAsync(lsn).WaitAsync(cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        long lsn;
        lock (_gate)
        {
            _values.Remove(key);
            lsn = journal.KeyValueDeleted(key);
        }

        return journal.WaitDurableAsync(lsn).WaitAsync(cancellationToken);
    }

    internal void Restore(string key, string? value)
    {
        lock (_gate)
        {
            if (value is null)
            {
                _values.Remove(key);
            }
            else
            {
                _values[key] = value;
            }
        }
    }

    internal List<KeyValuePair<string, string>> Export()
    {
        lock (_gate)
        {
            return [.. _values];
        }
    }
}
