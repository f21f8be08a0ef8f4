using System.Globalization;
using DynamoStreams.Emulator.DynamoDb.Ttl;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Sqs.Storage;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Recovers the state from the data directory before the server accepts requests (newest complete snapshot, then
/// the log segments after it, dropping a torn tail with a log line), then logs every change and compacts the log
/// into a new snapshot as it grows and at shutdown.
/// </summary>
internal sealed class PersistenceService : IHostedService, IAsyncDisposable
{
    private const long CompactAfterEntries = 200_000;
    private readonly DynamoEmulatorOptions _options;
    private readonly PersistenceGate _gate;
    private readonly StateJournal _journal;
    private readonly StateRestorer _restorer;
    private readonly SnapshotWriter _snapshots;
    private readonly StreamStore _streams;
    private readonly SqsQueueStore _queues;
    private readonly TtlRegistry _ttl;
    private readonly ILogger<PersistenceService> _logger;
    private readonly SemaphoreSlim _compacting = new(1, 1);
    private DataDirectoryLock? _lock;
    private WriteAheadLog? _wal;
    private Timer? _compactionCheck;
    private long _lastSnapshotBytes;

    public PersistenceService(DynamoEmulatorOptions options, PersistenceGate gate, StateJournal journal, StateRestorer restorer,
        SnapshotWriter snapshots, StreamStore streams, SqsQueueStore queues, TtlRegistry ttl, ILogger<PersistenceService> logger)
    {
        _options = options;
        _gate = gate;
        _journal = journal;
        _restorer = restorer;
        _snapshots = snapshots;
        _streams = streams;
        _queues = queues;
        _ttl = ttl;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.DataDirectory is not { } directory)
        {
            return Task.CompletedTask;
        }

        Directory.CreateDirectory(directory);
        _lock = DataDirectoryLock.Acquire(directory, _options.TimeProvider);
        var last = Recover(directory);
        _wal = new WriteAheadLog(directory, last + 1, _logger);
        _journal.Activate(_wal);
        _streams.SetJournal(_journal);
        _queues.SetJournal(_journal);
        _ttl.Changed += (setting, table) => _journal.TtlChanged(setting, table);

        // Start from one snapshot of what was recovered, so the directory holds no old segments.
        _lastSnapshotBytes = _snapshots.Write(directory, last);
        DeleteOlderThan(directory, last);
        _compactionCheck = new Timer(_ => _ = CompactIfLargeAsync(), null, _options.CompactionCheckInterval, _options.CompactionCheckInterval);
        _logger.LogInformation("Persistence on: data in {Directory}", Path.GetFullPath(directory));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_wal is null || _options.DataDirectory is not { } directory)
        {
            return;
        }

        if (_compactionCheck is not null)
        {
            await _compactionCheck.DisposeAsync().ConfigureAwait(false);
        }

        await _compacting.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var finished = _wal.Rotate();
            _snapshots.Write(directory, finished);
            DeleteOlderThan(directory, finished);
        }
        finally
        {
            _compacting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _wal, null) is { } wal)
        {
            await wal.DisposeAsync().ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _lock, null)?.Dispose();
    }

    private async Task CompactIfLargeAsync()
    {
        if (_wal is not { } wal || !IsLarge(wal) || !await _compacting.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var finished = wal.Rotate();
            _lastSnapshotBytes = _snapshots.Write(_options.DataDirectory!, finished);
            DeleteOlderThan(_options.DataDirectory!, finished);
        }
#pragma warning disable CA1031 // A failed compaction leaves the log in place; the next one retries.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogError(exception, "Compacting the write-ahead log into a snapshot failed; the log is kept");
        }
        finally
        {
            _compacting.Release();
        }
    }

    // A log of large items reaches any byte size long before 200,000 entries. Compacting once the log outgrows the
    // last snapshot (and at least 64 MB) bounds the folder to about twice the state, without snapshotting a large
    // state again and again.
    private bool IsLarge(WriteAheadLog wal) =>
        wal.EntriesInSegment >= CompactAfterEntries
        || wal.BytesInSegment >= Math.Max(_options.MinimumCompactionLogBytes, _lastSnapshotBytes);

    /// <summary>Loads the newest complete snapshot and replays the segments after it; returns the last segment number seen.</summary>
    private long Recover(string directory)
    {
        _gate.IsRestoring = true;
        try
        {
            long snapshot = 0;
            foreach (var (number, path) in Numbered(directory, "snapshot-").OrderByDescending(f => f.Number))
            {
                var (payloads, _, torn) = WalFrames.ReadAll(path);
                if (torn || payloads.Count == 0 || !IsEnd(payloads[^1]))
                {
                    _logger.LogWarning("Ignoring incomplete snapshot {Path}", path);
                    continue;
                }

                foreach (var payload in payloads)
                {
                    _restorer.Apply(payload);
                }

                snapshot = number;
                break;
            }

            var last = snapshot;
            foreach (var (number, path) in Numbered(directory, "wal-").Where(f => f.Number > snapshot).OrderBy(f => f.Number))
            {
                var (payloads, intact, torn) = WalFrames.ReadAll(path);
                foreach (var payload in payloads)
                {
                    _restorer.Apply(payload);
                }

                if (torn)
                {
                    var length = new FileInfo(path).Length;
                    _logger.LogWarning(
                        "Dropped a torn tail of {Bytes} bytes at offset {Offset} of {Path}: an entry cut short by a crash, never acknowledged to a client",
                        length - intact, intact, path);
                    using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
                    file.SetLength(intact);
                    file.Flush(flushToDisk: true);
                }

                last = number;
            }

            return last;
        }
        finally
        {
            _gate.IsRestoring = false;
        }
    }

    private static bool IsEnd(byte[] payload) => payload.AsSpan().SequenceEqual("{\"t\":\"end\"}"u8);

    private static IEnumerable<(long Number, string Path)> Numbered(string directory, string prefix) =>
        Directory.EnumerateFiles(directory, prefix + "*.log")
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Path: path))
            .Where(f => long.TryParse(f.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(f => (long.Parse(f.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture), f.Path));

    private static void DeleteOlderThan(string directory, long snapshot)
    {
        foreach (var (number, path) in Numbered(directory, "snapshot-").Where(f => f.Number < snapshot))
        {
            File.Delete(path);
        }

        foreach (var (number, path) in Numbered(directory, "wal-").Where(f => f.Number <= snapshot))
        {
            File.Delete(path);
        }
    }
}
