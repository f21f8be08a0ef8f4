using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Emulator;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Local;

/// <summary>
/// Holds what a local run starts in the AppHost process (the emulator and its clients) and stops it when the AppHost stops.
/// </summary>
internal sealed class DynamoStreamsLocalRun : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private DynamoEmulator? _emulator;
    private int _disposed;

    /// <summary>Gets a DynamoDB client of the emulator, once started.</summary>
    public AmazonDynamoDBClient? DynamoDb { get; private set; }

    /// <summary>Gets an SQS client of the emulator, once started.</summary>
    public AmazonSQSClient? Sqs { get; private set; }

    /// <summary>Gets the emulator, once started.</summary>
    public DynamoEmulator? Emulator => _emulator;

    /// <summary>
    /// Starts the embedded emulator on a free loopback port.
    /// </summary>
    /// <param name="resource">The emulator resource.</param>
    /// <param name="loggerFactory">Receives the emulator's logs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The endpoint.</returns>
    public async Task<Uri> StartEmulatorAsync(DynamoStreamsEmulatorResource resource, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        _emulator = await DynamoEmulator.StartAsync(EmulatorOptionsFactory.Create(resource, loggerFactory), cancellationToken).ConfigureAwait(false);
        var endpoint = _emulator.Endpoint.ToString();
        var credentials = new BasicAWSCredentials(LocalEnvironment.LocalCredential, LocalEnvironment.LocalCredential);
        DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = resource.Region });
        Sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = endpoint, AuthenticationRegion = resource.Region });
        return _emulator.Endpoint;
    }

    /// <summary>
    /// Registers something to stop, in reverse order, when the run ends.
    /// </summary>
    /// <param name="disposable">What to stop.</param>
    public void Own(IAsyncDisposable disposable)
    {
        lock (_owned)
        {
            _owned.Add(disposable);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        IAsyncDisposable[] owned;
        lock (_owned)
        {
            owned = [.. _owned];
            _owned.Clear();
        }

        for (var i = owned.Length - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync().ConfigureAwait(false);
        }

        DynamoDb?.Dispose();
        Sqs?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
