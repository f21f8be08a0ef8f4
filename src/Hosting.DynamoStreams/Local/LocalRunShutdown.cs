using Aspire.Hosting.DynamoStreams.Local.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Stops the local run's in-process parts when the AppHost stops, before its services are disposed: the mapping engine
/// first (its last checkpoints are written), then the runtime host, then the emulator (its data flushed to the data
/// directory). Stopping here makes <c>StopAsync</c> of the AppHost return only once the data folder is released.
/// </summary>
/// <param name="services">The AppHost's services.</param>
internal sealed class LocalRunShutdown(IServiceProvider services) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<LocalLambdaRun>().DisposeAsync().ConfigureAwait(false);
        await services.GetRequiredService<DynamoStreamsLocalRun>().DisposeAsync().ConfigureAwait(false);
    }
}
