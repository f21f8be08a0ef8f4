using System.Globalization;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Appends entries to the current log segment and makes them durable with group commit: one writer task takes
/// every entry appended since its last flush, writes them in one go and fsyncs once, then releases everyone
/// waiting on them. Appends never block on the disk; acknowledgements wait with <see cref="WaitDurableAsync"/>.
/// </summary>
internal sealed class WriteAheadLog : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _io = new();
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly Task _writer;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _work = new(0);
    private readonly List<(long Lsn, TaskCompletionSource Done)> _waiters = [];
    private MemoryStream _pending = new();
    private MemoryStream _spare = new();
    private WalSegmentFile _file;
    private long _appended;
    private int _disposed;
    private long _durable;
    private Exception? _failure;

    public WriteAheadLog(string directory, long segment, ILogger logger)
    {
        _directory = directory;
        _logger = logger;
        Segment = segment;
        _file = OpenSegment(segment);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Gets the number of the segment being appended to.</summary>
    public long Segment { get; private set; }

    /// <summary>Gets the number of entries appended to the current segment.</summary>
    public long EntriesInSegment { get; private set; }

    /// <summary>Gets the number of bytes (frames) appended to the current segment.</summary>
    public long BytesInSegment { get; private set; }

    public static string SegmentPath(string directory, long segment) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"wal-{segment:D8}.log"));

    /// <summary>Appends one entry; returns its log sequence number for <see cref="WaitDurableAsync"/>.</summary>
    public long Append(ReadOnlySpan<byte> payload)
    {
        var crc = Crc32.Compute(payload);
        lock (_gate)
        {
            if (_failure is not null)
            {
                throw new IOException("The write-ahead log failed earlier; no write can be acknowledged.", _failure);
            }

            WalFrames.Write(_pending, payload, crc);
            EntriesInSegment++;
            BytesInSegment += WalFrames.HeaderSize + payload.Length;
            var lsn = ++_appended;

            // Wake the writer once per batch: the first entry after a flush.
            if (_pending.Length == payload.Length + WalFrames.HeaderSize)
            {
                _work.Release();
            }

            return lsn;
        }
    }

    /// <summary>Gets the sequence number of the newest appended entry.</summary>
    public long AppendedLsn
    {
        get
        {
            lock (_gate)
            {
                return _appended;
            }
        }
    }

    /// <summary>Completes when the entry with the given sequence number (and all before it) is on disk.</summary>
    public Task WaitDurableAsync(long lsn)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                return Task.FromException(new IOException("The write-ahead log failed; the write is not durable.", _failure));
            }

            if (_durable >= lsn)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((lsn, done));
            return done.Task;
        }
    }

    /// <summary>Starts a new segment: entries appended from now on go there. Returns the finished segment's number.</summary>
    public long Rotate()
    {
        lock (_io)
        {
            WriteBatch();
            lock (_gate)
            {
                var finished = Segment;
                _file.Dispose();
                Segment = finished + 1;
                EntriesInSegment = 0;
                BytesInSegment = 0;
                _file = OpenSegment(Segment);
                return finished;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _work.Release();
        await _writer.ConfigureAwait(false);
        lock (_io)
        {
            WriteBatch();
            _file.Dispose();
        }

        _stop.Dispose();
        _work.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await _work.WaitAsync().ConfigureAwait(false);
            try
            {
                lock (_io)
                {
                    WriteBatch();
                }
            }
#pragma warning disable CA1031 // A disk failure must fail every pending acknowledgement, never crash the writer silently.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _logger.LogError(exception, "Writing the write-ahead log failed; writes are no longer acknowledged");
                lock (_gate)
                {
                    _failure = exception;
                    foreach (var (_, done) in _waiters)
                    {
                        done.TrySetException(new IOException("The write-ahead log failed; the write is not durable.", exception));
                    }

                    _waiters.Clear();
                }
            }
        }
    }

    /// <summary>Writes and fsyncs everything appended so far (call holding <c>_io</c>); appenders keep going meanwhile.</summary>
    private void WriteBatch()
    {
        // Two buffers take turns (only this method, under _io, touches the spare): appenders fill one while the
        // other is written, and neither is reallocated per batch.
        MemoryStream batch;
        long upTo;
        lock (_gate)
        {
            batch = _pending;
            _pending = _spare;
            upTo = _appended;
        }

        if (batch.Length > 0)
        {
            _file.WriteDurably(batch.GetBuffer().AsSpan(0, (int)batch.Length));
        }

        batch.SetLength(0);
        _spare = batch;

        lock (_gate)
        {
            _durable = Math.Max(_durable, upTo);
            ReleaseWaiters();
        }
    }

    private void ReleaseWaiters()
    {
        _waiters.RemoveAll(waiter =>
        {
            if (waiter.Lsn > _durable)
            {
                return false;
            }

            waiter.Done.TrySetResult();
            return true;
        });
    }

    private WalSegmentFile OpenSegment(long segment) => new(SegmentPath(_directory, segment));
}
