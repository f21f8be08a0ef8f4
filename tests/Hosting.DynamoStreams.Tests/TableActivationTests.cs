using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting.DynamoStreams.Local;
using DynamoStreams.Emulator.Hosting;

namespace Hosting.DynamoStreams.Tests;

/// <summary>
/// Checks the provisioner's wait for ACTIVE against an emulator whose clock never moves, so its tables stay CREATING.
/// </summary>
public sealed class TableActivationTests : IAsyncLifetime
{
    private DynamoEmulator _emulator = null!;
    private AmazonDynamoDBClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TimeProvider = new StoppedClock(), TableStatusDelay = TimeSpan.FromMinutes(1) });
        _client = new AmazonDynamoDBClient(new BasicAWSCredentials("t", "t"), new AmazonDynamoDBConfig { ServiceURL = _emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task WaitUntilActive_TableStillCreatingAtDeadline_ThrowsTimeoutNamingTheStatus()
    {
        // AWS docs: CreateTable returns CREATING and the table takes item operations only once ACTIVE.
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "slow",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            TableActivation.WaitUntilActiveAsync(_client, "slow", TimeSpan.Zero, TimeProvider.System, CancellationToken.None));

        Assert.Contains("'slow'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CREATING", error.Message, StringComparison.Ordinal);
    }

    private sealed class StoppedClock : TimeProvider
    {
        private readonly DateTimeOffset _now = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
