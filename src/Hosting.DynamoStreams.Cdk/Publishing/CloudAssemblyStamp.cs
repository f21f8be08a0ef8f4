using System.Text.Json;

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
    public const string FileName = ".dynamostreams-cloud.json";

    /// <summary>Reads the stamp of <paramref name="directory"/>, or null when there is none or it is unreadable.</summary>
    /// <param name="directory">The assembly folder.</param>
    /// <returns>The stamp, or null.</returns>
    public static CloudAssemblyStamp? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path) || !File.Exists(Path.Combine(directory, "manifest.json")))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CloudAssemblyStamp>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the stamp into <paramref name="directory"/>.</summary>
    /// <param name="directory">The assembly folder.</param>
    public void Write(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this));
}
