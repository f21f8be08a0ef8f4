using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Adds the SQS slice to the emulator: the queue store (also the in-process <see cref="ISqsQueues"/>) and its operations.
/// </summary>
internal sealed class SqsModule : IEmulatorModule
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, DynamoEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => new SqsQueueStore(options.AccountId, options.TimeProvider));
        services.AddSingleton<ISqsQueues>(sp => sp.GetRequiredService<SqsQueueStore>());
    }
}
