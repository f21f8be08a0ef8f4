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
    /// <param name="cancellationToken">Cancels the hashing between files.</param>
    /// <returns>The SHA-256, lowercase hex.</returns>
    /// <remarks>
    /// Synchronous and free of LINQ over value types on purpose: a cached re-publish runs this once in a fresh process,
    /// where every generic instantiation and async state machine costs compilation time.
    /// </remarks>
    public string Hash(string directory, CancellationToken cancellationToken)
    {
        var indexPath = Path.Combine(indexDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..16] + ".tsv");
        var index = ReadIndex(indexPath);
        var files = new DirectoryInfo(directory).GetFiles("*", SearchOption.AllDirectories);
        var names = new string[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            names[i] = Path.GetRelativePath(directory, files[i].FullName).Replace('\\', '/');
        }

        Array.Sort(names, files, StringComparer.Ordinal);
        var updated = new Dictionary<string, FileEntry>(files.Length, StringComparer.Ordinal);
        var changed = index.Count != files.Length;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < files.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = files[i];
            var executable = !OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0;
            var ticks = file.LastWriteTimeUtc.Ticks;
            if (!index.TryGetValue(names[i], out var entry) || entry.Size != file.Length || entry.Ticks != ticks)
            {
                entry = new FileEntry(file.Length, ticks, HashFile(file.FullName));
                changed = true;
            }

            updated[names[i]] = entry;
            hash.AppendData(Encoding.UTF8.GetBytes($"{names[i]}\0{(executable ? 'x' : '-')}\0{entry.Sha256}\n"));
        }

        if (changed)
        {
            Directory.CreateDirectory(indexDirectory);
            var lines = new List<string>(updated.Count);
            foreach (var (name, entry) in updated)
            {
                lines.Add($"{entry.Size}\t{entry.Ticks}\t{entry.Sha256}\t{name}");
            }

            File.WriteAllLines(indexPath, lines);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
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
