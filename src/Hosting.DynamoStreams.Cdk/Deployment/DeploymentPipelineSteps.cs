using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Publishing;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Logging;

// Aspire's pipeline API (aspire deploy/destroy) is marked for evaluation in 13.6.5; it is the documented way to add deploy steps.
#pragma warning disable ASPIREPIPELINES001

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Adds the command-line path: a step of Aspire's deploy pipeline (<c>aspire deploy</c>) that runs <c>cdk deploy</c> on
/// the pattern's stack, and one of the destroy pipeline (<c>aspire destroy</c>) that runs <c>cdk destroy --force</c>.
/// With <c>AddDynamoStreamsCloud()</c> the deploy step runs after the publish step and deploys the assembly it wrote;
/// without it, the step publishes the pattern's stack itself.
/// </summary>
internal static class DeploymentPipelineSteps
{
    /// <summary>Gets the name of a pattern's deploy step.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The step name.</returns>
    public static string DeployStep(DynamoStreamsLambdaResource pattern) => $"dynamostreams-deploy-{pattern.Name}";

    /// <summary>Gets the name of a pattern's destroy step.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The step name.</returns>
    public static string DestroyStep(DynamoStreamsLambdaResource pattern) => $"dynamostreams-destroy-{pattern.Name}";

    /// <summary>
    /// Attaches the steps.
    /// </summary>
    /// <param name="patternBuilder">The pattern builder.</param>
    /// <param name="deployer">The AppHost's deployer.</param>
    public static void Attach(IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder, PatternDeployer deployer)
    {
        var pattern = patternBuilder.Resource;
        patternBuilder.WithPipelineStepFactory(factory =>
        {
            var cloud = factory.PipelineContext.Model.Resources.OfType<DynamoStreamsCloudResource>().FirstOrDefault();
            List<string> dependsOn = [WellKnownPipelineSteps.DeployPrereq];
            if (cloud is not null)
            {
                dependsOn.Add(DynamoStreamsCloudResource.PublishStepName);
            }

            return
            [
                new PipelineStep
                {
                    Name = DeployStep(pattern),
                    Description = $"Deploys the AWS CDK stack of '{pattern.Name}' with cdk deploy.",
                    Resource = pattern,
                    DependsOnSteps = dependsOn,
                    RequiredBySteps = [WellKnownPipelineSteps.Deploy],
                    Tags = [WellKnownPipelineTags.ProvisionInfrastructure],
                    Action = context => PipelineStepFailure.FailProcessOnErrorAsync(() => DeployAsync(pattern, deployer, cloud, context)),
                },
                new PipelineStep
                {
                    Name = DestroyStep(pattern),
                    Description = $"Destroys the AWS CDK stack of '{pattern.Name}' with cdk destroy --force (a retained table stays).",
                    Resource = pattern,
                    DependsOnSteps = [WellKnownPipelineSteps.DestroyPrereq],
                    RequiredBySteps = [WellKnownPipelineSteps.Destroy],
                    Action = context => PipelineStepFailure.FailProcessOnErrorAsync(() => DestroyAsync(pattern, deployer, context)),
                },
            ];
        });
    }

    private static async Task DeployAsync(DynamoStreamsLambdaResource pattern, PatternDeployer deployer, DynamoStreamsCloudResource? cloud, PipelineStepContext context)
    {
        // The publish step (a dependency) has run by now and holds the assembly with every pattern's stack.
        var result = await deployer.DeployAsync(pattern, PipelineReporter(pattern, context), cloud?.Published?.Directory, context.CancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DistributedApplicationException($"DynamoStreams pattern '{pattern.Name}': cdk deploy failed ({result.Failure!.StateText}): {result.Failure.Message}");
        }

        var outputs = result.Outputs!;
        context.Summary.Add($"{pattern.Name}: stack", $"{result.StackName} ({outputs.Region})");
        context.Summary.Add($"{pattern.Name}: table", outputs.TableName ?? string.Empty);
        context.Summary.Add($"{pattern.Name}: stream", outputs.StreamArn ?? string.Empty);
        context.Summary.Add($"{pattern.Name}: function", outputs.FunctionName ?? string.Empty);
        if (outputs.DeadLetterQueueUrl is { } queue)
        {
            context.Summary.Add($"{pattern.Name}: dead-letter queue", queue);
        }
    }

    private static async Task DestroyAsync(DynamoStreamsLambdaResource pattern, PatternDeployer deployer, PipelineStepContext context)
    {
        var result = await deployer.DestroyAsync(pattern, PipelineReporter(pattern, context), context.CancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DistributedApplicationException($"DynamoStreams pattern '{pattern.Name}': cdk destroy failed ({result.Failure!.StateText}): {result.Failure.Message}");
        }

        context.Summary.Add($"{pattern.Name}: destroyed", $"stack {result.StackName}.{PatternDeployer.RetainedNote(pattern)}");
    }

    private static DeploymentReporter PipelineReporter(DynamoStreamsLambdaResource pattern, PipelineStepContext context) =>
        new(context.Logger, (state, _) =>
        {
            context.Logger.LogInformation("{Pattern}: {State}", pattern.Name, state.Text);
            return Task.CompletedTask;
        });
}
