using System.Diagnostics;

namespace DynamoStreams.Lambda.Tests.Deploy;

/// <summary>
/// Publishes src/Handler.Sample with <c>dotnet publish</c> exactly as a README recipe says, into a new folder.
/// </summary>
internal static class SamplePublish
{
    public static string ProjectDirectory =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Runtime.HandlerProcess.SampleAssembly)!, "..", "..", ".."));

    /// <summary>Runs <c>dotnet publish src/Handler.Sample -c Release -o {folder} {arguments}</c> and returns the folder.</summary>
    public static async Task<string> RunAsync(string folderPrefix, params string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var start = new ProcessStartInfo("dotnet", ["publish", ProjectDirectory, "-c", "Release", "-o", directory, "-nologo", "-v", "q", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(15));
        Assert.True(publish.ExitCode == 0, $"dotnet publish {string.Join(' ', arguments)} failed ({publish.ExitCode}): {await output}{await error}");
        return directory;
    }
}
