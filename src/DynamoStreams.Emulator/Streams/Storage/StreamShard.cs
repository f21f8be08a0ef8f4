namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// Holds one shard's records in sequence order, trimmed from the head as they pass the retention period.
/// Guarded by the owning stream's lock.
/// </summary>
internal sealed class StreamShard
{
    private readonly KeptRecordLog _records = new();
    // Made when a reader first waits and completed by the next change: a shard nobody waits on (the common case while
    // writes stream in) allocates no signal per record.
    private TaskCompletionSource? _changed;

    public StreamShard(string shardId, string? parentShardId, int slot, long startCounter, DateTimeOffset createdAt)
    {
        ShardId = shardId;
        ParentShardId = parentShardId;
        Slot = slot;
        StartCounter = startCounter;
        CreatedAt = createdAt;
        TrimmedThrough = startCounter - 1;
    }

    public string ShardId { get; }

    public string? ParentShardId { get; }

    public int Slot { get; }

    public long StartCounter { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the counter of the last record, or <see cref="StartCounter"/> when the shard closed empty.</summary>
    public long? EndCounter { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => EndCounter is null;

    /// <summary>Gets the counter of the newest trimmed record (below <see cref="StartCounter"/> when none is).</summary>
    public long TrimmedThrough { get; private set; }

    public int RecordCount => _records.Count;

    public int AppendedCount { get; private set; }

    public long LastCounter => _records.Count > 0 ? _records[_records.Count - 1].Counter : Math.Max(TrimmedThrough, StartCounter - 1);

    /// <summary>Gets the counter the next record of this shard takes when it is the shard's first.</summary>
    public bool StartUsed => AppendedCount > 0;

    /// <summary>Builds the readers' form of every retained record, oldest first.</summary>
    public List<StreamRecord> ExportRecords()
    {
        var records = new List<StreamRecord>(_records.Count);
        for (var index = 0; index < _records.Count; index++)
        {
            records.Add(_records[index].ToRecord(ShardId));
        }

        return records;
    }

    public void Append(in KeptRecord record)
    {
        _records.Add(record);
        AppendedCount++;
        Signal();
    }

    public void Close(DateTimeOffset now)
    {
        EndCounter = _records.Count > 0 ? _records[_records.Count - 1].Counter : Math.Max(TrimmedThrough, StartCounter);
        ClosedAt = now;
        Signal();
    }

    /// <summary>Marks a restored shard closed as it was when persisted.</summary>
    public void RestoreClosed(long endCounter, DateTimeOffset closedAt)
    {
        EndCounter = endCounter;
        ClosedAt = closedAt;
    }

    public StreamShardState ToState() => new(ShardId, ParentShardId, Slot, StartCounter, CreatedAt, EndCounter, ClosedAt);

    public void Trim(DateTimeOffset cutoff)
    {
        while (_records.Count > 0 && _records[0].CreatedAtOrBefore(cutoff))
        {
            TrimmedThrough = _records[0].Counter;
            _records.RemoveOldest();
        }
    }

    /// <summary>Returns up to <paramref name="max"/> records after a counter, stopping before <paramref name="maxBytes"/> is passed.</summary>
    public List<StreamRecord> ReadAfter(long afterCounter, int max, int maxBytes)
    {
        var result = new List<StreamRecord>(Math.Min(max, 64));
        var index = FirstIndexAfter(afterCounter);
        var bytes = 0;
        for (; index < _records.Count && result.Count < max; index++)
        {
            ref readonly var record = ref _records[index];
            bytes += record.JsonLength;
            if (bytes > maxBytes && result.Count > 0)
            {
                break;
            }

            result.Add(record.ToRecord(ShardId));
        }

        return result;
    }

    public bool HasRecordAfter(long afterCounter) => FirstIndexAfter(afterCounter) < _records.Count;

    public Task WaitForChangeAsync() => (_changed ??= NewSignal()).Task;

    private int FirstIndexAfter(long afterCounter)
    {
        int low = 0, high = _records.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_records[middle].Counter <= afterCounter)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = null;
        previous?.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
