namespace DynamoStreams.Emulator.Tests.Persistence;

/// <summary>
/// A data directory and a copy of its log taken while the emulator runs. Every acknowledged change is on disk by
/// then, and a copy made before the graceful shutdown's compaction is the log exactly as a kill -9 would leave it.
/// </summary>
internal sealed class LiveLogCopy : IDisposable
{
    public LiveLogCopy(string prefix)
    {
        var id = Guid.NewGuid().ToString("N");
        Running = Path.Combine(Path.GetTempPath(), $"{prefix}-{id}");
        Crashed = Path.Combine(Path.GetTempPath(), $"{prefix}-crashed-{id}");
    }

    /// <summary>Gets the data directory of the running emulator.</summary>
    public string Running { get; }

    /// <summary>Gets the directory the copy goes to: start the emulator that recovers here.</summary>
    public string Crashed { get; }

    /// <summary>Copies the log segments and snapshots of <see cref="Running"/> to <see cref="Crashed"/>.</summary>
    public void Take()
    {
        Directory.CreateDirectory(Crashed);
        foreach (var file in Directory.GetFiles(Running).Where(f => Path.GetFileName(f).StartsWith("wal-", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("snapshot-", StringComparison.Ordinal)))
        {
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = File.Create(Path.Combine(Crashed, Path.GetFileName(file)));
            source.CopyTo(target);
        }
    }

    public void Dispose()
    {
        foreach (var directory in new[] { Running, Crashed })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
