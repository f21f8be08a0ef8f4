
namespace DynamoStreams.Emulator.Hosting;

/// <summary>
/// Adds a capability (a service, write observers, background work) to every emulator instance.
/// Non-abstract implementations with a public parameterless constructor are discovered in this
/// assembly at startup, so a feature plugs in by adding a class.
/// </summary>
internal interface IEmulatorModule
{
    /// <summary>Registers the module's services.</summary>
    /// <param name="services">The emulator's service collection.</param>
    /// <param name="options">The options the emulator was started with.</param>
    void ConfigureServices(IServiceCollection services, DynamoEmulatorOptions options);
}
