using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Aspire.Hosting.DynamoStreams.Extensibility;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Wires a pattern into a local run: the embedded emulator, the table and queue created once the emulator is healthy,
/// the handler process's environment, and the pattern's aggregated state and health.
/// </summary>
internal static class LocalRunWiring
{
    /// <summary>
    /// Attaches the local run behaviour to a pattern.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="patternBuilder">The pattern builder.</param>
    public static void Attach(IDistributedApplicationBuilder builder, IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder)
    {
        var pattern = patternBuilder.Resource;
        builder.Services.TryAddSingleton<DynamoStreamsLocalRun>();
        builder.Services.TryAddSingleton<Lambda.LocalLambdaRun>();
        builder.Services.TryAddSingleton<Lambda.FunctionHealthTracker>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalRunShutdown>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Telemetry.DashboardMetricsExporter>());
        EmulatorWiring.AttachOnce(builder, pattern.Emulator);
        ConsoleLogDefaults.ApplyOnce(builder);

        builder.Eventing.Subscribe<ResourceReadyEvent>(pattern.Emulator, (e, ct) => ProvisionAsync(pattern, e.Services, ct));

        var healthCheckKey = $"{pattern.Name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new PatternHealthCheck(pattern), failureStatus: null, tags: null));
        patternBuilder
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource((resource, e, ct) => PatternLifecycle.RunAsync(resource, e, ct));

        if (pattern.MappingResource is { } mappingResource)
        {
            var mappingCheck = $"{mappingResource.Name}_check";
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(mappingCheck, _ => new MappingHealthCheck(mappingResource), failureStatus: null, tags: null));
            builder.CreateResourceBuilder(mappingResource).WithHealthCheck(mappingCheck);
        }

        if (pattern.FunctionResource is { } functionResource)
        {
            var functionCheck = $"{functionResource.Name}_check";
            var functionName = pattern.LocalFunctionName;
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(functionCheck,
                services => new Lambda.FunctionHealthCheck(services.GetRequiredService<Lambda.FunctionHealthTracker>(), functionName), failureStatus: null, tags: null));
            builder.CreateResourceBuilder(functionResource).WithHealthCheck(functionCheck);
        }

        CommandWiring.Attach(builder, pattern);
        Lambda.LambdaWiring.AttachRuntimeHostOnce(builder);
        Lambda.LambdaWiring.AttachFunction(builder, pattern);

        if (pattern.FunctionResource is IResourceWithEnvironment function)
        {
            builder.CreateResourceBuilder(function).WithEnvironment(async context =>
            {
                var runtime = await pattern.FunctionEnvironment.Task.WaitAsync(context.CancellationToken).ConfigureAwait(false);
                foreach (var (key, value) in runtime)
                {
                    context.EnvironmentVariables[key] = value;
                }

                if (pattern.Annotations.OfType<ExternalRunAnnotation>().LastOrDefault() is { } external)
                {
                    // The handler runs locally against an external stream: the external run's values, no endpoints, no local credentials.
                    await external.AddEnvironmentAsync(context.EnvironmentVariables, context.CancellationToken).ConfigureAwait(false);
                    return;
                }

                await LocalEnvironment.AddAsync(context.EnvironmentVariables, pattern, context.CancellationToken).ConfigureAwait(false);
            });
        }
    }

    private static async Task ProvisionAsync(DynamoStreamsLambdaResource pattern, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (LocalRunOptOut.IsExternal(pattern))
        {
            return;
        }

        var run = services.GetRequiredService<DynamoStreamsLocalRun>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var loggers = services.GetRequiredService<ResourceLoggerService>();
        if (pattern.Emulator.DynamoDBLocal is { } dynamoDBLocal)
        {
            // Tables live in the container: wait until it answers (the emulator still serves the queues).
            await dynamoDBLocal.EndpointSource.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (pattern.TableResource is { } table)
        {
            var logger = loggers.GetLogger(table);
            await DynamoStreamsResourceStates.PublishAsync(notifications, table, KnownResourceStates.Starting).ConfigureAwait(false);
            try
            {
                var info = await TableProvisioner.EnsureAsync(run.Tables!, pattern, logger, cancellationToken).ConfigureAwait(false);
                await DynamoStreamsResourceStates.PublishAsync(notifications, table, KnownResourceStates.Running,
                    ("dynamostreams.tableName", info.TableName), ("dynamostreams.tableArn", info.TableArn), ("dynamostreams.streamArn", info.StreamArn),
                    ("dynamostreams.streamViewType", pattern.ExistingTable is null ? pattern.Table.Stream.ToString() : "NewAndOldImages")).ConfigureAwait(false);
                table.Created.TrySetResult(info);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Creating table {Table} failed: {Message}", pattern.LocalTableName, ex.Message);
                await DynamoStreamsResourceStates.PublishAsync(notifications, table, DynamoStreamsResourceStates.ProvisioningFailed).ConfigureAwait(false);
                table.Created.TrySetException(ex);
            }
        }

        if (pattern.DeadLetterQueueResource is { } dlq)
        {
            await ProvisionQueueAsync(pattern, dlq, run, notifications, loggers, cancellationToken).ConfigureAwait(false);
        }

        // Off the event's thread: a pattern that shares another's table waits for that table, created by another handler of this event.
        _ = Task.Run(async () =>
        {
            try
            {
                var source = await pattern.SourceTableResource!.Created.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                await Lambda.LambdaWiring.StartFunctionAndMappingAsync(pattern, source, services, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                pattern.FunctionEnvironment.TrySetException(ex);
                pattern.MappingResource?.Started.TrySetException(ex);
            }
        }, CancellationToken.None);
    }

    private static async Task ProvisionQueueAsync(DynamoStreamsLambdaResource pattern, DynamoStreamsDeadLetterQueueResource dlq, DynamoStreamsLocalRun run,
        ResourceNotificationService notifications, ResourceLoggerService loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.GetLogger(dlq);
        await DynamoStreamsResourceStates.PublishAsync(notifications, dlq, KnownResourceStates.Starting).ConfigureAwait(false);
        try
        {
            var info = await QueueProvisioner.EnsureAsync(run.Sqs!, pattern, logger, cancellationToken).ConfigureAwait(false);
            await DynamoStreamsResourceStates.PublishAsync(notifications, dlq, KnownResourceStates.Running,
                ("dynamostreams.queueUrl", info.QueueUrl), ("dynamostreams.queueArn", info.QueueArn)).ConfigureAwait(false);
            dlq.Created.TrySetResult(info);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Creating dead-letter queue {Queue} failed: {Message}", pattern.LocalQueueName, ex.Message);
            await DynamoStreamsResourceStates.PublishAsync(notifications, dlq, DynamoStreamsResourceStates.ProvisioningFailed).ConfigureAwait(false);
            dlq.Created.TrySetException(ex);
        }
    }
}
