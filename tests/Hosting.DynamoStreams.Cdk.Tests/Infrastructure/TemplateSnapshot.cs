using System.Text;
using System.Text.RegularExpressions;

namespace Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

/// <summary>
/// Compares a generated template with its snapshot under tests/Hosting.DynamoStreams.Cdk.Tests/Snapshots, asset hashes
/// masked (they follow the handler's code). A change fails with the differing lines and writes <c>*.received.json</c>
/// next to the snapshot; <c>UPDATE_SNAPSHOTS=1</c> accepts it.
/// </summary>
internal static partial class TemplateSnapshot
{
    public static void Verify(string name, string template)
    {
        var actual = AssetHash().Replace(template.ReplaceLineEndings("\n").TrimEnd() + "\n", "<asset-hash>");
        var directory = Path.Combine(Declarations.RepoRoot, "tests", "Hosting.DynamoStreams.Cdk.Tests", "Snapshots");
        var snapshot = Path.Combine(directory, name);
        var received = Path.ChangeExtension(snapshot, ".received.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(snapshot, actual);
        }

        Assert.True(File.Exists(snapshot), $"No snapshot {snapshot}: run the test with UPDATE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(snapshot).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"The template differs from {snapshot} (received: {received}; UPDATE_SNAPSHOTS=1 accepts it):\n{Diff(expected, actual)}");
    }

    /// <summary>Lists the lines that differ, by line number: "- snapshot" and "+ generated".</summary>
    private static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var diff = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(left.Length, right.Length) && shown < 40; i++)
        {
            var l = i < left.Length ? left[i] : null;
            var r = i < right.Length ? right[i] : null;
            if (l == r)
            {
                continue;
            }

            diff.Append("line ").Append(i + 1).Append('\n');
            if (l is not null)
            {
                diff.Append("- ").Append(l).Append('\n');
            }

            if (r is not null)
            {
                diff.Append("+ ").Append(r).Append('\n');
            }

            shown++;
        }

        return diff.ToString();
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex AssetHash();
}
