namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>
/// Records, next to a cloud assembly, the hash it was synthesised from, its stacks and the top-level entries it wrote,
/// so that a re-publish of the same inputs is a file read and a stale assembly can be removed without touching other files.
/// </summary>
/// <param name="Hash">The inputs' hash.</param>
/// <param name="StackNames">The stacks.</param>
/// <param name="Entries">The files and folders directly under the assembly folder that belong to it.</param>
internal sealed record CloudAssemblyStamp(string Hash, IReadOnlyList<string> StackNames, IReadOnlyList<string> Entries)
{
    /// <summary>The stamp's file name.</summary>
    public const string FileName = ".dynamostreams-cloud";

    // Three lines (the hash, the stacks, the entries; tab-separated): no serializer to start in a cold process.
    private const char Separator = '\t';

    /// <summary>Reads the stamp of <paramref name="directory"/>, or null when there is none, it is unreadable, or the assembly is gone.</summary>
    /// <param name="directory">The assembly folder.</param>
    /// <returns>The stamp, or null.</returns>
    public static CloudAssemblyStamp? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path) || !File.Exists(Path.Combine(directory, "manifest.json")))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length != 3 || lines[0].Length != 64)
        {
            return null;
        }

        return new CloudAssemblyStamp(lines[0], lines[1].Split(Separator), lines[2].Split(Separator));
    }

    /// <summary>Writes the stamp into <paramref name="directory"/>.</summary>
    /// <param name="directory">The assembly folder.</param>
    public void Write(string directory) =>
        File.WriteAllLines(Path.Combine(directory, FileName), [Hash, string.Join(Separator, StackNames), string.Join(Separator, Entries)]);
}
