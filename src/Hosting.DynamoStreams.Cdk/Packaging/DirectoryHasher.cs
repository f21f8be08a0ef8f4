using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.DynamoStreams.Cdk.Packaging;

/// <summary>
/// Hashes a folder's content: every file's relative path, executable bit and SHA-256, in ordinal path order. A file
/// whose size and modification time match the index kept under the staging folder is not read again, so an unchanged
/// self-contained handler (about 200 files, 80 MB) hashes in a few milliseconds.
/// </summary>
/// <param name="indexDirectory">The folder of the per-folder indexes.</param>
internal sealed class DirectoryHasher(string indexDirectory)
{
    /// <summary>Computes the hash of <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    /// <returns>The SHA-256, lowercase hex.</returns>
    public async Task<string> HashAsync(string directory, CancellationToken cancellationToken)
    {
        var indexPath = Path.Combine(indexDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..16] + ".tsv");
        var index = ReadIndex(indexPath);
        var updated = new Dictionary<string, FileEntry>(StringComparer.Ordinal);
        var files = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(file => (Relative: Path.GetRelativePath(directory, file.FullName).Replace('\\', '/'), File: file))
            .OrderBy(file => file.Relative, StringComparer.Ordinal);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, file) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var executable = !OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0;
            var ticks = file.LastWriteTimeUtc.Ticks;
            var entry = index.TryGetValue(relative, out var known) && known.Size == file.Length && known.Ticks == ticks
                ? known
                : new FileEntry(file.Length, ticks, await HashFileAsync(file.FullName, cancellationToken).ConfigureAwait(false));
            updated[relative] = entry;
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{(executable ? 'x' : '-')}\0{entry.Sha256}\n"));
        }

        if (!updated.SequenceEqual(index))
        {
            Directory.CreateDirectory(indexDirectory);
            var lines = updated.Select(e => $"{e.Value.Size}\t{e.Value.Ticks}\t{e.Value.Sha256}\t{e.Key}");
            await File.WriteAllLinesAsync(indexPath, lines, cancellationToken).ConfigureAwait(false);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads the index: one line per file, "size TAB ticks TAB sha256 TAB relative path" (a plain format, cheap to read in a cold process).</summary>
    private static Dictionary<string, FileEntry> ReadIndex(string path)
    {
        var index = new Dictionary<string, FileEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return index;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t', 4);
            if (parts.Length == 4 && long.TryParse(parts[0], out var size) && long.TryParse(parts[1], out var ticks))
            {
                index[parts[3]] = new FileEntry(size, ticks, parts[2]);
            }
        }

        return index;
    }

    /// <summary>Describes one file as last hashed.</summary>
    /// <param name="Size">The length in bytes.</param>
    /// <param name="Ticks">The last write time (UTC ticks).</param>
    /// <param name="Sha256">The content hash.</param>
    internal sealed record FileEntry(long Size, long Ticks, string Sha256);
}
