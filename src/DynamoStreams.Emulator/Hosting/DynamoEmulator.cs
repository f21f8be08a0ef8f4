using System.Net;
using DynamoStreams.Emulator.Protocol;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace DynamoStreams.Emulator.Hosting;

/// <summary>
/// Runs the DynamoDB emulator in-process on a loopback port until disposed.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions());
/// var client = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "x"),
///     new AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint.ToString() });
/// </code>
/// </example>
public sealed class DynamoEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DynamoEmulator(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>Gets the endpoint clients connect to, with the real bound port (for example <c>http://127.0.0.1:53127/</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Gets the emulator's services. The in-process seams are <see cref="Streams"/>, <see cref="Queues"/> and
    /// <see cref="DurableStore"/>; the rest are the emulator's internals.
    /// </summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Gets the in-process reader of the emulator's DynamoDB streams (no HTTP, no polling latency).</summary>
    public Streams.IEmulatorStreams Streams => _app.Services.GetRequiredService<Streams.IEmulatorStreams>();

    /// <summary>Gets the in-process access to the emulator's SQS queues, by ARN.</summary>
    public Sqs.ISqsQueues Queues => _app.Services.GetRequiredService<Sqs.ISqsQueues>();

    /// <summary>Gets the durable key-value store kept with the emulator's data (event-source mapping checkpoints).</summary>
    public Persistence.IDurableStore DurableStore => _app.Services.GetRequiredService<Persistence.IDurableStore>();

    /// <summary>Starts an emulator bound to loopback.</summary>
    /// <param name="options">The options; <see cref="DynamoEmulatorOptions.Port"/> 0 picks a free port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Persistence.DataDirectoryInUseException">
    /// <see cref="DynamoEmulatorOptions.DataDirectory"/> is held by another emulator.
    /// </exception>
    public static async Task<DynamoEmulator> StartAsync(DynamoEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var app = Build(options, standaloneProgram: false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Release what started (port, data-directory lock) before reporting the failure.
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = addresses.Addresses.First();
        var port = new Uri(address).Port;
        return new DynamoEmulator(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Builds the emulator's web application.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="standaloneProgram">
    /// <see langword="true"/> for the emulator's own program: it also listens on IPv6 loopback, logs through the host's
    /// default logging when no factory is given, and runs requests on the transport threads.
    /// </param>
    internal static WebApplication Build(DynamoEmulatorOptions options, bool standaloneProgram)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DynamoEmulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is not null)
        {
            builder.Services.AddSingleton(options.LoggerFactory);
        }
        else if (!standaloneProgram)
        {
            builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        }

        if (standaloneProgram)
        {
            // Operations work on in-memory state under short locks and await every wait (the write-ahead log's fsync,
            // SQS long polls), so a request may run on the transport thread that read it: inline scheduling saves the
            // thread-pool hops that cost more CPU than a small request's own work. No zero-byte read before each
            // receive (one syscall less per request, for a 4 KB buffer held by each idle connection). Only the
            // standalone program asks for this, with inline socket completions (StandaloneSockets): in a host's
            // process (an AppHost, a test) the sockets complete on the thread pool, and Kestrel's defaults measured
            // the same or slightly better there. Issue 18; figures in bench/EmulatorThroughput/RESULTS.md.
            builder.WebHost.UseSockets(sockets =>
            {
                sockets.UnsafePreferInlineScheduling = true;
                sockets.WaitForDataBeforeAllocatingBuffer = false;
            });
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The dispatcher enforces the 16 MB request limit itself and reads an oversized body to its end so the
            // client receives the 413; Kestrel only cuts off bodies far beyond it.
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port);
            if (standaloneProgram && options.Port != 0 && System.Net.Sockets.Socket.OSSupportsIPv6)
            {
                kestrel.Listen(IPAddress.IPv6Loopback, options.Port);
            }
        });
        EmulatorServices.Add(builder.Services, options);
        var app = builder.Build();
        var dispatcher = app.Services.GetRequiredService<AwsJsonDispatcher>();
        app.Run(dispatcher.HandleAsync);
        return app;
    }
}
