using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.DynamoStreams.Cdk.Packaging;

/// <summary>Hashes a folder's content: every file's relative path, executable bit and bytes, in ordinal path order.</summary>
internal static class DirectoryHasher
{
    /// <summary>Computes the hash of <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    /// <returns>The SHA-256, lowercase hex.</returns>
    public static async Task<string> HashAsync(string directory, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(directory, path).Replace('\\', '/'), Path: path))
            .OrderBy(file => file.Relative, StringComparer.Ordinal)
            .ToList();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var (relative, path) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{(executable ? 'x' : '-')}\0"));

            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            hash.AppendData("\0"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
