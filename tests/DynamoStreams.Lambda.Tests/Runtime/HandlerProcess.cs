using System.Diagnostics;

namespace DynamoStreams.Lambda.Tests.Runtime;

/// <summary>
/// Starts a handler (src/Handler.Sample's build output, or a published bootstrap) as a real process with a Lambda environment.
/// </summary>
internal static class HandlerProcess
{
    public static string SampleAssembly
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aspire.sln")))
            {
                directory = directory.Parent;
            }

            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(directory!.FullName, "src", "Handler.Sample", "bin", configuration, "net10.0", "Handler.Sample.dll");
        }
    }

    /// <summary>Starts a handler: a <c>.dll</c> through <c>dotnet</c>, or an executable (a published <c>bootstrap</c>) directly.</summary>
    public static Process Start(string path, string runtimeApi, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(path.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : path, path.EndsWith(".dll", StringComparison.Ordinal) ? [path] : [])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "order-totals";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
