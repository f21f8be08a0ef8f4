namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>
/// Keeps the last synthesised cloud assemblies under the staging folder, one folder per inputs' hash, and copies one
/// into an output folder, replacing only what an earlier copy put there.
/// </summary>
/// <param name="root">The cache folder.</param>
internal sealed class SynthesisCache(string root)
{
    private const int KeptAssemblies = 2;

    /// <summary>Gets the folder of the assembly synthesised from <paramref name="hash"/>.</summary>
    /// <param name="hash">The inputs' hash.</param>
    /// <returns>The folder (it may not exist).</returns>
    public string PathFor(string hash) => Path.Combine(root, hash[..16]);

    /// <summary>Finds the cached assembly for <paramref name="hash"/>.</summary>
    /// <param name="hash">The inputs' hash.</param>
    /// <returns>Its stamp, or null on a miss.</returns>
    public CloudAssemblyStamp? Find(string hash) =>
        CloudAssemblyStamp.Read(PathFor(hash)) is { } stamp && stamp.Hash == hash ? stamp : null;

    /// <summary>Copies the cached assembly of <paramref name="stamp"/> into <paramref name="output"/>.</summary>
    /// <param name="stamp">The cached assembly's stamp.</param>
    /// <param name="output">The output folder; other files in it are left alone.</param>
    public void CopyTo(CloudAssemblyStamp stamp, string output)
    {
        var source = PathFor(stamp.Hash);
        if (Path.GetFullPath(source) == Path.GetFullPath(output))
        {
            return;
        }

        Directory.CreateDirectory(output);
        if (CloudAssemblyStamp.Read(output) is { } previous)
        {
            foreach (var entry in previous.Entries)
            {
                Delete(Path.Combine(output, entry));
            }
        }

        foreach (var entry in stamp.Entries)
        {
            var from = Path.Combine(source, entry);
            var to = Path.Combine(output, entry);
            Delete(to);
            if (Directory.Exists(from))
            {
                CopyDirectory(from, to);
            }
            else
            {
                File.Copy(from, to);
            }
        }

        stamp.Write(output);
    }

    /// <summary>Removes all but the most recent assemblies.</summary>
    public void Prune()
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var stale in new DirectoryInfo(root).GetDirectories().OrderByDescending(d => d.LastWriteTimeUtc).Skip(KeptAssemblies))
        {
            stale.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        // File.Copy keeps the Unix mode, so bootstrap stays executable.
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
