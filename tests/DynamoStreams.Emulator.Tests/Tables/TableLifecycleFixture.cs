using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Tests.Streams;

namespace DynamoStreams.Emulator.Tests.Tables;

/// <summary>
/// Starts one emulator whose tables report CREATING, UPDATING and DELETING for <see cref="Delay"/> on a manual
/// clock, so the lifecycle tests move time instead of waiting for it.
/// </summary>
public sealed class TableLifecycleFixture : IAsyncLifetime
{
    private DynamoEmulator? _emulator;

    public static TimeSpan Delay { get; } = TimeSpan.FromSeconds(2);

    public ManualTimeProvider Clock { get; } = new();

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TimeProvider = Clock, TableStatusDelay = Delay });
        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "secret"), new AmazonDynamoDBConfig
        {
            ServiceURL = _emulator.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
