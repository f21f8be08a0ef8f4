using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using DynamoStreams.Contracts.EventSourceMapping;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Adds the dashboard commands: disable/enable the mapping, replay from TRIM_HORIZON, redrive and purge the
/// dead-letter queue, write a test item. Each is enabled only while its resource runs.
/// </summary>
internal static class LocalCommands
{
    private const int MaxRedriveMessages = 1000;

    /// <summary>
    /// Attaches the commands to the pattern's parts.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="pattern">The pattern.</param>
    public static void Attach(IDistributedApplicationBuilder builder, DynamoStreamsLambdaResource pattern)
    {
        if (pattern.MappingResource is { } mappingResource)
        {
            var mapping = builder.CreateResourceBuilder(mappingResource);
            mapping.WithCommand(DynamoStreamsCommands.DisableMapping, "Disable mapping", async context =>
            {
                await RequireMapping(mappingResource).SetEnabledAsync(false, context.CancellationToken).ConfigureAwait(false);
                return CommandResults.Success();
            }, new CommandOptions { Description = "Pause polling; records wait in the stream at the checkpoint.", IconName = "Pause", UpdateState = c => WhenMappingState(c, EventSourceMappingState.Enabled) });

            mapping.WithCommand(DynamoStreamsCommands.EnableMapping, "Enable mapping", async context =>
            {
                await RequireMapping(mappingResource).SetEnabledAsync(true, context.CancellationToken).ConfigureAwait(false);
                return CommandResults.Success();
            }, new CommandOptions { Description = "Resume polling at the checkpoint.", IconName = "Play", UpdateState = c => WhenMappingState(c, EventSourceMappingState.Disabled) });

            mapping.WithCommand(DynamoStreamsCommands.ReplayFromTrimHorizon, $"Replay from {StartingPositions.TrimHorizon}", async context =>
            {
                await RequireMapping(mappingResource).ReplayFromTrimHorizonAsync(context.CancellationToken).ConfigureAwait(false);
                return CommandResults.Success();
            }, new CommandOptions
            {
                Description = "Forget the checkpoints and deliver every record still in the stream again.",
                IconName = "ArrowRepeatAll",
                ConfirmationMessage = "Deliver every record still in the stream to the function again?",
                UpdateState = c => WhenMappingState(c, EventSourceMappingState.Enabled),
            });
        }

        if (pattern.DeadLetterQueueResource is { } dlqResource)
        {
            var dlq = builder.CreateResourceBuilder(dlqResource);
            dlq.WithCommand(DynamoStreamsCommands.RedriveDeadLetterQueue, "Redrive", context => RedriveAsync(pattern, dlqResource, context),
                new CommandOptions { Description = "Re-read the records each message names and invoke the function with them again.", IconName = "ArrowRedo", UpdateState = c => WhenCreated(dlqResource.Created.Task) });
            dlq.WithCommand(DynamoStreamsCommands.ShowFailedRecords, "Show failed records", async context =>
            {
                var run = context.Services.GetRequiredService<DynamoStreamsLocalRun>();
                var queue = await dlqResource.Created.Task.ConfigureAwait(false);
                var (count, markdown) = await FailedRecordsReport.BuildAsync(run.Sqs!, queue.QueueUrl, pattern.MappingResource?.Mapping, context.CancellationToken).ConfigureAwait(false);
                return CommandResults.Success($"{count} failure document(s) in {queue.QueueUrl}", markdown, CommandResultFormat.Markdown, displayImmediately: true);
            }, new CommandOptions { Description = "Show each discarded batch with the stream records it points to, to decide whether to redrive.", IconName = "DocumentSearch", UpdateState = c => WhenCreated(dlqResource.Created.Task) });
            dlq.WithCommand(DynamoStreamsCommands.PurgeDeadLetterQueue, "Purge", async context =>
            {
                var run = context.Services.GetRequiredService<DynamoStreamsLocalRun>();
                var queue = await dlqResource.Created.Task.ConfigureAwait(false);
                await run.Sqs!.PurgeQueueAsync(new PurgeQueueRequest { QueueUrl = queue.QueueUrl }, context.CancellationToken).ConfigureAwait(false);
                return CommandResults.Success();
            }, new CommandOptions { Description = "Delete every message in the queue.", IconName = "Delete", ConfirmationMessage = "Delete every message in the dead-letter queue?", UpdateState = c => WhenCreated(dlqResource.Created.Task) });
        }

        if (pattern.TableResource is { } tableResource)
        {
            builder.CreateResourceBuilder(tableResource).WithCommand(DynamoStreamsCommands.WriteTestItem, "Write test item", async context =>
            {
                var run = context.Services.GetRequiredService<DynamoStreamsLocalRun>();
                var table = await tableResource.Created.Task.ConfigureAwait(false);
                var item = TestItemFactory.Create(pattern, DateTimeOffset.UtcNow);
                await run.Tables!.PutItemAsync(new PutItemRequest { TableName = table.TableName, Item = item }, context.CancellationToken).ConfigureAwait(false);
                var description = TestItemFactory.Describe(item);
                var shape = pattern.SeedData is { Items.Count: > 0 } ? "shaped like the first seed item" : "keys and a marker only (declare seed data to shape it)";
                context.Logger.LogInformation("Wrote test item ({Description}) to {Table}, {Shape}; its stream record goes to {Function}.", description, table.TableName, shape, pattern.LocalFunctionName);
                return CommandResults.Success($"Wrote {description} to {table.TableName} ({shape}); its stream record goes to {pattern.LocalFunctionName}. See the mapping's log for what the function did.");
            }, new CommandOptions { Description = "Put one item into the table; its stream record flows to the function.", IconName = "Add", IsHighlighted = true, UpdateState = c => WhenState(c, KnownResourceStates.Running) });
        }
    }

    private static async Task<ExecuteCommandResult> RedriveAsync(DynamoStreamsLambdaResource pattern, DynamoStreamsDeadLetterQueueResource dlqResource, ExecuteCommandContext context)
    {
        var run = context.Services.GetRequiredService<DynamoStreamsLocalRun>();
        var mapping = RequireMapping(pattern.MappingResource!);
        var queue = await dlqResource.Created.Task.ConfigureAwait(false);
        int redriven = 0, failed = 0;
        while (redriven + failed < MaxRedriveMessages)
        {
            var received = await run.Sqs!.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.QueueUrl, MaxNumberOfMessages = 10, VisibilityTimeout = 60 }, context.CancellationToken).ConfigureAwait(false);
            if (received.Messages is not { Count: > 0 } messages)
            {
                break;
            }

            foreach (var message in messages)
            {
                var (succeeded, description) = await mapping.RedriveAsync(message.Body, context.CancellationToken).ConfigureAwait(false);
                if (succeeded)
                {
                    await run.Sqs.DeleteMessageAsync(queue.QueueUrl, message.ReceiptHandle, context.CancellationToken).ConfigureAwait(false);
                    redriven++;
                }
                else
                {
                    // The message stays (it becomes visible again) so nothing is lost.
                    context.Logger.LogWarning("Redrive of message {MessageId} failed: {Description}", message.MessageId, description);
                    failed++;
                }
            }
        }

        return failed == 0
            ? CommandResults.Success()
            : CommandResults.Failure($"{failed} message(s) could not be redriven and stay in the queue; {redriven} redriven. See the resource log.");
    }

    private static ILocalMapping RequireMapping(DynamoStreamsMappingResource resource) =>
        resource.Mapping ?? throw new InvalidOperationException($"The mapping of '{resource.Parent.Name}' is not running yet.");

    // The mapping's and the queue's state text shows problems in words ("Retrying: …", "3 messages waiting"), so their
    // commands follow what they are, not that text: a failing mapping can be disabled, a full queue redriven.
    private static ResourceCommandState WhenMappingState(UpdateCommandStateContext context, string mappingState) =>
        context.ResourceSnapshot.Properties.Any(p => p.Name == "dynamostreams.mappingState" && Equals(p.Value, mappingState))
            ? ResourceCommandState.Enabled
            : ResourceCommandState.Disabled;

    private static ResourceCommandState WhenCreated(Task created) =>
        created.IsCompletedSuccessfully ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static ResourceCommandState WhenState(UpdateCommandStateContext context, string state) =>
        context.ResourceSnapshot.State?.Text == state ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;
}
