using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DynamoStreams.Emulator.Hosting;

/// <summary>
/// Registers the emulator's parts: options, clock, storage, and every service, operation and module
/// discovered in this assembly.
/// </summary>
internal static class EmulatorServices
{
    private static readonly Type[] s_types = typeof(EmulatorServices).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .ToArray();

    public static void Add(IServiceCollection services, DynamoEmulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.TryAddSingleton<ITableStore, InMemoryTableStore>();
        services.AddSingleton<AwsJsonDispatcher>();
        services.AddSingleton<CurrentRequest>();
        services.AddSingleton<DynamoDb.Operations.DynamoDbContext>();

        foreach (var type in s_types)
        {
            if (typeof(IAwsJsonService).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IAwsJsonService), type);
            }
            else if (typeof(IAwsJsonOperation).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IAwsJsonOperation), type);
            }
        }

        foreach (var type in s_types.Where(t => typeof(IEmulatorModule).IsAssignableFrom(t)))
        {
            var module = (IEmulatorModule)Activator.CreateInstance(type)!;
            module.ConfigureServices(services, options);
        }

        options.ConfigureServices?.Invoke(services);
    }
}
