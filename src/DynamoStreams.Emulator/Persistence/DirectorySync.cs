using System.Runtime.InteropServices;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Makes a directory's entries durable: after a file is created or renamed, the file's own fsync does not cover
/// the directory entry that names it, so a power loss could lose the new name. POSIX needs an fsync of the
/// directory itself; .NET has no API for it, so this calls <c>open</c>/<c>fsync</c> from libc. On Windows, NTFS
/// journals directory metadata and there is no directory handle to flush, so it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Flushes the directory's entries to disk (Linux and macOS).</summary>
    /// <param name="directory">The directory holding the created or renamed file.</param>
    /// <exception cref="IOException">The directory could not be opened or synced.</exception>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(Path.GetFullPath(directory), ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open the directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Could not sync the directory {directory} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    /// <summary>Flushes a file's data (not its timestamps) to disk: <c>fdatasync</c> on Linux, a full flush elsewhere.</summary>
    /// <param name="handle">The open file.</param>
    /// <exception cref="IOException">The sync failed.</exception>
    public static void FlushData(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(handle);
            return;
        }

        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (Fdatasync((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"Could not sync the write-ahead log (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(int descriptor);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
