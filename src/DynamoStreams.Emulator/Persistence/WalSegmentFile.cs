using Microsoft.Win32.SafeHandles;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// One log segment on disk, written ahead of its end: space is allocated in zero-filled chunks (real blocks, with
/// one full fsync per chunk), and each batch is written in place and made durable with <c>fdatasync</c>. A sync that
/// changes no file size or block map is about twice as fast as an appending fsync on ext4, and group commit waits on
/// exactly that sync. Readers stop at the first zero frame header: the unused end of the chunk.
/// </summary>
internal sealed class WalSegmentFile : IDisposable
{
    private const int ChunkBytes = 4 * 1024 * 1024;
    private static readonly byte[] s_zeros = new byte[1024 * 1024];
    private readonly SafeFileHandle _handle;
    private readonly string _directory;
    private long _position;
    private long _allocated;

    public WalSegmentFile(string path)
    {
        _directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var created = !File.Exists(path);
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        _allocated = RandomAccess.GetLength(_handle);
        _position = created ? 0 : WalFrames.ReadAll(path).IntactLength;
        if (created)
        {
            // A new segment's name must survive a power loss before any entry in it is acknowledged.
            DirectorySync.Flush(_directory);
        }
    }

    /// <summary>Writes the bytes at the end of the log and returns once they are on disk.</summary>
    public void WriteDurably(ReadOnlySpan<byte> bytes)
    {
        if (_position + bytes.Length > _allocated)
        {
            Allocate(_position + bytes.Length);
        }

        RandomAccess.Write(_handle, bytes, _position);
        _position += bytes.Length;
        DirectorySync.FlushData(_handle);
    }

    public void Dispose() => _handle.Dispose();

    private void Allocate(long needed)
    {
        var target = ((needed / ChunkBytes) + 1) * ChunkBytes;
        for (var offset = _allocated; offset < target; offset += s_zeros.Length)
        {
            RandomAccess.Write(_handle, s_zeros.AsSpan(0, (int)Math.Min(s_zeros.Length, target - offset)), offset);
        }

        // The new size and blocks are metadata: a full fsync, once per chunk.
        RandomAccess.FlushToDisk(_handle);
        _allocated = target;
    }
}
