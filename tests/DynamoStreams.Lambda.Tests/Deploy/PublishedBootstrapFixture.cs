namespace DynamoStreams.Lambda.Tests.Deploy;

/// <summary>
/// Publishes src/Handler.Sample as AWS's provided.al2023 recipe says (self-contained, linux-x64) and renames the
/// apphost to <c>bootstrap</c>, once per test class. <c>LAMBDA_BOOTSTRAP</c> may point to an already published one.
/// </summary>
public sealed class PublishedBootstrapFixture : IAsyncLifetime
{
    private string? _directory;

    public string BootstrapPath { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("LAMBDA_BOOTSTRAP") is { Length: > 0 } existing)
        {
            BootstrapPath = existing;
            return;
        }

        _directory = await SamplePublish.RunAsync("bootstrap-", "-r", "linux-x64", "--self-contained");
        Assert.True(File.Exists(Path.Combine(_directory, "libcoreclr.so")), "The publish is not self-contained: libcoreclr.so is missing.");

        // The recipe's rename step: the apphost finds Handler.Sample.dll by the name built into it.
        BootstrapPath = Path.Combine(_directory, "bootstrap");
        File.Move(Path.Combine(_directory, "Handler.Sample"), BootstrapPath);
    }

    public Task DisposeAsync()
    {
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
