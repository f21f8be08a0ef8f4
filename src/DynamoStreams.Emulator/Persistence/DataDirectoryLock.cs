using System.Diagnostics;
using System.Globalization;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Holds the data directory for one emulator: an exclusive lock on <c>emulator.lock</c> (an OS file lock, so the
/// kernel releases it if the process dies) and, beside it, <c>emulator.owner</c> naming the holder for the message a
/// second emulator shows.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string LockFileName = "emulator.lock";
    public const string OwnerFileName = "emulator.owner";
    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private DataDirectoryLock(FileStream handle, string ownerPath)
    {
        _lock = handle;
        _ownerPath = ownerPath;
    }

    /// <summary>Takes the directory or throws <see cref="DataDirectoryInUseException"/> naming who holds it.</summary>
    public static DataDirectoryLock Acquire(string directory, TimeProvider time)
    {
        var fullPath = Path.GetFullPath(directory);
        var ownerPath = Path.Combine(fullPath, OwnerFileName);
        FileStream handle;
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix and a share-mode lock on Windows; both
            // also refuse a second emulator inside this process.
            handle = new FileStream(Path.Combine(fullPath, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new DataDirectoryInUseException(fullPath, ReadOwner(ownerPath), exception);
        }

        using var self = Process.GetCurrentProcess();
        var owner = string.Create(CultureInfo.InvariantCulture,
            $"process {Environment.ProcessId} ({self.ProcessName}) on {Environment.MachineName}, since {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC");
        File.WriteAllText(ownerPath, owner);
        return new DataDirectoryLock(handle, ownerPath);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
        }
        catch (IOException)
        {
            // The lock is what matters; a stale owner file is overwritten by the next holder.
        }

        _lock.Dispose();
    }

    private static string? ReadOwner(string ownerPath)
    {
        try
        {
            return File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
