using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Creates a pattern's table and dead-letter queue once the emulator is healthy (steps 2 and 3 of
/// <see cref="LocalRunStartup"/>), publishing each part's state; a part that fails is named in its own state and log.
/// </summary>
internal static class PatternProvisioning
{
    /// <summary>Creates (or finds) the pattern's table, where tables live: the emulator, or DynamoDB Local when it is used.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="services">The AppHost services.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task that completes when the table exists or its failure is published.</returns>
    public static async Task ProvisionTableAsync(DynamoStreamsLambdaResource pattern, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (pattern.Emulator.DynamoDBLocal is { } dynamoDBLocal)
        {
            // Tables live in the container: wait until it answers (the emulator still serves the queues).
            await dynamoDBLocal.EndpointSource.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (pattern.TableResource is not { } table)
        {
            return;
        }

        var run = services.GetRequiredService<DynamoStreamsLocalRun>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(table);
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

    /// <summary>Creates (or finds) the pattern's dead-letter queue in the emulator.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="services">The AppHost services.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task that completes when the queue exists or its failure is published.</returns>
    public static async Task ProvisionQueueAsync(DynamoStreamsLambdaResource pattern, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (pattern.DeadLetterQueueResource is not { } dlq)
        {
            return;
        }

        var run = services.GetRequiredService<DynamoStreamsLocalRun>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(dlq);
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
