using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Adds the "Deploy to AWS" and "Destroy" dashboard commands to a pattern resource. Deploy is enabled unless a CLI run
/// is in progress; Destroy only when the stack was deployed from this AppHost (its outputs file exists).
/// </summary>
internal static class DeploymentCommandWiring
{
    /// <summary>
    /// Attaches the commands.
    /// </summary>
    /// <param name="patternBuilder">The pattern builder.</param>
    public static void Attach(IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder)
    {
        var pattern = patternBuilder.Resource;
        patternBuilder.WithCommand(DynamoStreamsAwsCommands.Deploy, "Deploy to AWS", async context =>
        {
            var result = await context.Services.GetRequiredService<PatternDeployer>()
                .DeployAsync(pattern, ResourceReporter(pattern, context.Services), publishedAssembly: null, context.CancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? CommandResults.Success($"Stack '{result.StackName}' deployed: table {result.Outputs!.TableName}.")
                : CommandResults.Failure($"{result.Failure!.StateText}: {result.Failure.Message}");
        }, new CommandOptions
        {
            Description = "Synthesise the pattern's CDK stack and run 'cdk deploy' with the configured profile and region; progress streams into this resource's log.",
            IconName = "CloudArrowUp",
            ConfirmationMessage = $"Deploy the stack of '{pattern.Name}' to AWS with the CDK CLI? It creates or updates real, billable resources in the configured account and region.",
            UpdateState = c => DeploymentStates.IsBusy(c.ResourceSnapshot.State?.Text) ? ResourceCommandState.Disabled : ResourceCommandState.Enabled,
        });

        patternBuilder.WithCommand(DynamoStreamsAwsCommands.Destroy, "Destroy", async context =>
        {
            var result = await context.Services.GetRequiredService<PatternDeployer>()
                .DestroyAsync(pattern, ResourceReporter(pattern, context.Services), context.CancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? CommandResults.Success($"Stack '{result.StackName}' destroyed.{PatternDeployer.RetainedNote(pattern)}")
                : CommandResults.Failure($"{result.Failure!.StateText}: {result.Failure.Message}");
        }, new CommandOptions
        {
            Description = "Run 'cdk destroy --force' on the pattern's stack.",
            IconName = "CloudDismiss",
            ConfirmationMessage = DestroyConfirmation(pattern),
            UpdateState = c => DeploymentStates.IsBusy(c.ResourceSnapshot.State?.Text)
                ? ResourceCommandState.Disabled
                : c.ResourceSnapshot.State?.Text == DeploymentStates.Deployed.Text || File.Exists(c.Services.GetRequiredService<PatternDeployer>().OutputsFile(pattern))
                    ? ResourceCommandState.Enabled
                    : ResourceCommandState.Disabled,
        });
    }

    /// <summary>
    /// Builds the confirmation of a destroy: what is deleted and what stays (the table, under its removal policy).
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The message.</returns>
    public static string DestroyConfirmation(DynamoStreamsLambdaResource pattern)
    {
        var table = pattern.ExistingTable is not null
            ? "The table is an existing table, not part of the stack: it is untouched."
            : pattern.Table.RemovalPolicy switch
            {
                DynamoRemovalPolicy.Retain => "The table is RETAINED by default (removal policy RETAIN): it remains in the account with its data, and a later deploy of a table with the same explicit name fails until you delete it.",
                DynamoRemovalPolicy.Snapshot => "The table's removal policy is SNAPSHOT: CloudFormation takes a final backup, then deletes the table.",
                _ => "The table's removal policy is DESTROY: the table and its data are deleted.",
            };
        return $"Destroy the AWS stack of '{pattern.Name}'? The function, the event-source mapping, the dead-letter queue (with its messages) and the IAM role are deleted. {table}";
    }

    /// <summary>
    /// Creates a reporter that writes to the pattern's resource log and publishes its states.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="services">The AppHost services.</param>
    /// <returns>The reporter.</returns>
    public static DeploymentReporter ResourceReporter(DynamoStreamsLambdaResource pattern, IServiceProvider services)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(pattern);
        return new DeploymentReporter(logger, (state, properties) => DynamoStreamsResourceStates.PublishAsync(notifications, pattern, state, properties));
    }
}
