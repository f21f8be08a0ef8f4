using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Streams.Capture;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Adds DynamoDB Streams to the emulator: the stream store, capture on the write path, and the Streams API.
/// </summary>
internal sealed class StreamsModule : IEmulatorModule
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, DynamoEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => new StreamStore(options.Streams, options.TimeProvider));
        services.AddSingleton<IEmulatorStreams>(sp => sp.GetRequiredService<StreamStore>());
        services.AddSingleton<StreamCapture>();
        services.AddSingleton<IItemChangeObserver>(sp => sp.GetRequiredService<StreamCapture>());
        services.AddSingleton<ITableChangeObserver>(sp => sp.GetRequiredService<StreamCapture>());
    }
}
