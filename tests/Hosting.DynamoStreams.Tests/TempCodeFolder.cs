namespace Hosting.DynamoStreams.Tests;

/// <summary>A temporary Node.js code folder with the given files.</summary>
internal sealed class TempCodeFolder : IDisposable
{
    public TempCodeFolder(params string[] files)
    {
        Path = Directory.CreateTempSubdirectory("dynamostreams-node").FullName;
        foreach (var file in files)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, file), "exports.handler = async () => ({});\n");
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
