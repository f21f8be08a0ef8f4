using System.Security.Cryptography;

namespace DynamoStreams.LocalLambda.NodeRuntime;

/// <summary>
/// The Node.js runtime shim (<c>lambda-runtime.js</c>, the Runtime API loop for Node handlers). It ships embedded in
/// this assembly, so it works the same from a project reference and from the NuGet package, where content files of a
/// transitive dependency never reach the application's output.
/// </summary>
public static class NodeRuntimeShim
{
    private const string ResourceName = "DynamoStreams.LocalLambda.NodeRuntime.lambda-runtime.js";
    private static readonly Lazy<string> s_path = new(Extract, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Gets the full path of the shim, written once per content version under the temporary folder
    /// (<c>dynamostreams/node-runtime/&lt;hash&gt;/lambda-runtime.js</c>).
    /// </summary>
    public static string FilePath => s_path.Value;

    private static string Extract()
    {
        using var resource = typeof(NodeRuntimeShim).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(NodeRuntimeShim).Assembly.GetName().Name}.");
        var content = new byte[resource.Length];
        resource.ReadExactly(content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        var directory = Path.Combine(Path.GetTempPath(), "dynamostreams", "node-runtime", hash);
        var path = Path.Combine(directory, "lambda-runtime.js");
        if (File.Exists(path) && new FileInfo(path).Length == content.Length)
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        // Written under a unique name and moved into place, so a concurrent process never runs a half-written file.
        var temporary = Path.Combine(directory, $"lambda-runtime.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
