using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Tests.Infrastructure;

/// <summary>Starts one emulator in strict authentication mode, knowing one access key, and makes SDK clients for it.</summary>
public sealed class StrictAuthEmulatorFixture : IAsyncLifetime
{
    public const string AccessKeyId = "AKIDSTRICT";
    public const string SecretAccessKey = "strict-secret/with+symbols";

    private DynamoEmulator? _emulator;

    public DynamoEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync() =>
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions
        {
            AccessKeys = new Dictionary<string, string> { [AccessKeyId] = SecretAccessKey },
            TableStatusDelay = TimeSpan.Zero,
        });

    public AmazonDynamoDBClient CreateClient(AWSCredentials credentials) =>
        new(credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = Emulator.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    public AmazonSQSClient CreateSqsClient(AWSCredentials credentials) =>
        new(credentials, new AmazonSQSConfig
        {
            ServiceURL = Emulator.Endpoint.ToString().TrimEnd('/'),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
