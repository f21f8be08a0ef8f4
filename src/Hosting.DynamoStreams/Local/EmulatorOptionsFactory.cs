using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Emulator;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Maps the emulator resource onto the emulator's options.
/// </summary>
internal static class EmulatorOptionsFactory
{
    /// <summary>
    /// Creates the options: a free loopback port, the region and account, the data folder (null keeps data in memory), the AppHost's logging.
    /// </summary>
    /// <param name="resource">The emulator resource.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>The options.</returns>
    public static DynamoEmulatorOptions Create(DynamoStreamsEmulatorResource resource, ILoggerFactory loggerFactory) => new()
    {
        Port = 0,
        Region = resource.Region,
        AccountId = resource.AccountId,
        DataDirectory = resource.DataDirectory,
        LoggerFactory = loggerFactory,
    };
}
