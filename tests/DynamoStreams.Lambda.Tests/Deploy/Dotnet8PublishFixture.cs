namespace DynamoStreams.Lambda.Tests.Deploy;

/// <summary>
/// Publishes src/Handler.Sample for Lambda's managed dotnet8 runtime as the README's recipe 3 says (framework-dependent,
/// <c>-p:LambdaRuntime=dotnet8</c>), and once more self-contained with the .NET 8 runtime pack, which is the only way
/// to run the net8.0 build on this machine (it has no .NET 8 runtime installed).
/// </summary>
public sealed class Dotnet8PublishFixture : IAsyncLifetime
{
    public string FrameworkDependent { get; private set; } = string.Empty;

    public string SelfContained { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        FrameworkDependent = await SamplePublish.RunAsync("dotnet8-", "-r", "linux-x64", "--self-contained", "false", "-p:LambdaRuntime=dotnet8");
        SelfContained = await SamplePublish.RunAsync("dotnet8-sc-", "-r", "linux-x64", "--self-contained", "-p:LambdaRuntime=dotnet8");
    }

    public Task DisposeAsync()
    {
        foreach (var directory in new[] { FrameworkDependent, SelfContained })
        {
            if (directory.Length > 0)
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return Task.CompletedTask;
    }
}
