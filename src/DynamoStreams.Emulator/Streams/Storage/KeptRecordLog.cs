namespace DynamoStreams.Emulator.Streams.Storage;

/// <summary>
/// A shard's retained records in append order, in fixed-size chunks: appending never copies what is kept (a single
/// growing array would copy every record at each doubling, and move them all when the head is trimmed), and trimming
/// from the head frees whole chunks. Not thread-safe: the stream's lock guards it.
/// </summary>
internal sealed class KeptRecordLog
{
    // 512 records of under 100 bytes: each chunk stays below the large-object heap's 85,000-byte threshold.
    private const int ChunkLength = 512;

    private readonly List<KeptRecord[]> _chunks = [];
    private int _headOffset;

    /// <summary>Gets the number of records kept.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the record at <paramref name="index"/>, 0 being the oldest kept.</summary>
    public ref readonly KeptRecord this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var position = _headOffset + index;
            return ref _chunks[position / ChunkLength][position % ChunkLength];
        }
    }

    /// <summary>Adds a record after the newest.</summary>
    public void Add(in KeptRecord record)
    {
        var position = _headOffset + Count;
        if (position / ChunkLength == _chunks.Count)
        {
            _chunks.Add(new KeptRecord[ChunkLength]);
        }

        _chunks[position / ChunkLength][position % ChunkLength] = record;
        Count++;
    }

    /// <summary>Drops the oldest record.</summary>
    public void RemoveOldest()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The log holds no record to remove.");
        }

        // Cleared so the record's arena buffer can be collected once no kept record points into it.
        _chunks[0][_headOffset] = default;
        _headOffset++;
        Count--;
        if (_headOffset == ChunkLength)
        {
            _chunks.RemoveAt(0);
            _headOffset = 0;
        }
    }
}
