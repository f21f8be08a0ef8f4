using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local.Lambda;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Owns the order in which a local run starts the patterns' parts; every start-up event of the local run is subscribed
/// here and nowhere else.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Before start, the model is shaped: replicas for a mapping's concurrency, and the shared emulator and runtime host
/// removed when every pattern runs elsewhere (<see cref="LocalRunOptOut"/>).</item>
/// <item>When the orchestrator initialises them, the emulator and the Runtime API host start (side by side), and each
/// pattern starts following its parts (<see cref="PatternLifecycle"/>).</item>
/// <item>When the emulator is healthy, every local pattern's table is created, in declaration order.</item>
/// <item>Then every pattern's dead-letter queue.</item>
/// <item>Then, off the event's thread, each function is registered with the runtime host and its mapping starts
/// (<see cref="FunctionStartup"/>) once the table it reads exists: a pattern reading another's table waits for it.</item>
/// </list>
/// </remarks>
/// <param name="model">The AppHost's model.</param>
internal sealed class LocalRunStartup(DistributedApplicationModel model) : IDistributedApplicationEventingSubscriber
{
    /// <inheritdoc />
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (!executionContext.IsRunMode)
        {
            return Task.CompletedTask;
        }

        eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            ShapeModel(e.Model);
            return Task.CompletedTask;
        });

        foreach (var emulator in model.Resources.OfType<DynamoStreamsEmulatorResource>())
        {
            eventing.Subscribe<InitializeResourceEvent>(emulator, (e, ct) => EmulatorStartup.StartAsync(emulator, e, ct));
            eventing.Subscribe<ResourceReadyEvent>(emulator, (e, ct) => ProvisionAsync(emulator, e.Services, ct));
        }

        foreach (var container in model.Resources.OfType<DynamoDBLocalResource>())
        {
            eventing.Subscribe<ResourceReadyEvent>(container, (e, _) =>
            {
                DynamoDBLocalContainer.UseForTables(container, e.Services);
                return Task.CompletedTask;
            });
        }

        foreach (var host in model.Resources.OfType<LambdaRuntimeHostResource>())
        {
            eventing.Subscribe<InitializeResourceEvent>(host, (e, ct) => RuntimeHostStartup.StartAsync(host, e, ct));
        }

        foreach (var pattern in model.Resources.OfType<DynamoStreamsLambdaResource>())
        {
            eventing.Subscribe<InitializeResourceEvent>(pattern, (e, ct) => PatternLifecycle.RunAsync(pattern, e, ct));
        }

        return Task.CompletedTask;
    }

    private static void ShapeModel(DistributedApplicationModel model)
    {
        foreach (var pattern in model.Resources.OfType<DynamoStreamsLambdaResource>())
        {
            var concurrency = FunctionStartup.Concurrency(pattern);
            if (concurrency > 1 && pattern.FunctionResource is ProjectResource project)
            {
                project.Annotations.Add(new ReplicaAnnotation(concurrency));
            }
        }

        LocalRunOptOut.TrimModel(model);
    }

    private async Task ProvisionAsync(DynamoStreamsEmulatorResource emulator, IServiceProvider services, CancellationToken cancellationToken)
    {
        var patterns = model.Resources.OfType<DynamoStreamsLambdaResource>()
            .Where(p => p.Emulator == emulator && !LocalRunOptOut.IsExternal(p))
            .ToList();
        foreach (var pattern in patterns)
        {
            await PatternProvisioning.ProvisionTableAsync(pattern, services, cancellationToken).ConfigureAwait(false);
        }

        foreach (var pattern in patterns)
        {
            await PatternProvisioning.ProvisionQueueAsync(pattern, services, cancellationToken).ConfigureAwait(false);
        }

        foreach (var pattern in patterns)
        {
            _ = Task.Run(() => StartFunctionAndMappingAsync(pattern, services, cancellationToken), CancellationToken.None);
        }
    }

    private static async Task StartFunctionAndMappingAsync(DynamoStreamsLambdaResource pattern, IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var source = await pattern.SourceTableResource!.Created.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            await FunctionStartup.StartFunctionAndMappingAsync(pattern, source, services, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            pattern.FunctionEnvironment.TrySetException(ex);
            pattern.MappingResource?.Started.TrySetException(ex);
        }
    }
}
