using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Emulator;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Holds what a local run starts in the AppHost process (the emulator and its clients) and stops it when the AppHost stops.
/// </summary>
internal sealed class DynamoStreamsLocalRun : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private DynamoEmulator? _emulator;
    private int _disposed;
    private AmazonDynamoDBClient? _dynamoDBLocal;

    /// <summary>Gets a DynamoDB client of the emulator, once started.</summary>
    public AmazonDynamoDBClient? DynamoDb { get; private set; }

    /// <summary>Gets the client of the run's tables: DynamoDB Local's when the run uses it, else the emulator's.</summary>
    public AmazonDynamoDBClient? Tables => _dynamoDBLocal ?? DynamoDb;

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
    /// Serves the run's tables from DynamoDB Local in a container from now on.
    /// </summary>
    /// <param name="endpoint">The container's endpoint.</param>
    public void UseDynamoDBLocal(Uri endpoint) => Interlocked.Exchange(ref _dynamoDBLocal, DynamoDBLocalWiring.CreateClient(endpoint))?.Dispose();

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
        _dynamoDBLocal?.Dispose();
        Sqs?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
