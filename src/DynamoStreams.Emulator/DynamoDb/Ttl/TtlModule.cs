using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.DynamoDb.Ttl;

/// <summary>
/// Adds time to live to the emulator: the settings registry and the background sweeper.
/// </summary>
internal sealed class TtlModule : IEmulatorModule
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, DynamoEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TtlRegistry>();
        services.AddSingleton<ITableChangeObserver>(sp => sp.GetRequiredService<TtlRegistry>());
        services.AddSingleton<TtlSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<TtlSweeper>());
    }
}
