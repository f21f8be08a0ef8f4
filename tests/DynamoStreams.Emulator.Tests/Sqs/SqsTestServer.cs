using Amazon.Runtime;
using Amazon.SQS;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Sqs;
using DynamoStreams.Emulator.Tests.Streams;

namespace DynamoStreams.Emulator.Tests.Sqs;

/// <summary>
/// Starts the emulator on loopback port 0 with a manual clock and gives the AWS SDK SQS client for it.
/// </summary>
public sealed class SqsTestServer : IAsyncLifetime
{
    private DynamoEmulator? _emulator;

    public ManualTimeProvider Clock { get; } = new();

    public ISqsQueues Store => _emulator!.Queues;

    public AmazonSQSClient Client { get; private set; } = null!;

    /// <summary>Gets the endpoint without a trailing slash, as queue URLs start.</summary>
    public string Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, TimeProvider = Clock });
        Endpoint = _emulator.Endpoint.ToString().TrimEnd('/');
        Client = new AmazonSQSClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonSQSConfig
        {
            ServiceURL = Endpoint,
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
