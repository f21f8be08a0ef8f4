using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Adds opt-in crash-safe persistence (<see cref="DynamoEmulatorOptions.DataDirectory"/>) and the durable key-value
/// store (<see cref="IDurableStore"/>), which is in memory when persistence is off.
/// </summary>
internal sealed class PersistenceModule : IEmulatorModule
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, DynamoEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<PersistenceGate>();
        services.AddSingleton<StateJournal>();
        services.AddSingleton<DurableStore>();
        services.AddSingleton<IDurableStore>(sp => sp.GetRequiredService<DurableStore>());
        services.AddSingleton<ITableStoreAccessor, TableStoreAccessor>();
        services.AddSingleton<PersistenceObserver>();
        services.AddSingleton<IItemChangeObserver>(sp => sp.GetRequiredService<PersistenceObserver>());
        services.AddSingleton<ITableChangeObserver>(sp => sp.GetRequiredService<PersistenceObserver>());
        services.AddSingleton<StateRestorer>();
        services.AddSingleton<SnapshotWriter>();
        services.AddSingleton<PersistenceService>();
        services.AddHostedService(sp => sp.GetRequiredService<PersistenceService>());
    }
}
