using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Tests.Infrastructure;

/// <summary>Starts one emulator on a loopback port 0 per test class and gives a real AWS SDK client for it.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private DynamoEmulator? _emulator;

    public DynamoEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero });
        Client = CreateClient();
    }

    public AmazonDynamoDBClient CreateClient(string region = "us-east-1", string accessKey = "test") =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonDynamoDBConfig
        {
            ServiceURL = Emulator.Endpoint.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
