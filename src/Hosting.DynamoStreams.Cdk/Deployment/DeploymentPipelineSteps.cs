using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Logging;

// Aspire's pipeline API (aspire deploy/destroy) is marked for evaluation in 13.6.5; it is the documented way to add deploy steps.
#pragma warning disable ASPIREPIPELINES001

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Adds the command-line path: a step of Aspire's deploy pipeline (<c>aspire deploy</c>) that runs <c>cdk deploy</c> on
/// the pattern's stack, and one of the destroy pipeline (<c>aspire destroy</c>) that runs <c>cdk destroy --force</c>.
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
        patternBuilder.WithPipelineStepFactory(DeployStep(pattern), async context =>
        {
            var result = await deployer.DeployAsync(pattern, PipelineReporter(context), context.CancellationToken).ConfigureAwait(false);
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
        }, dependsOn: [WellKnownPipelineSteps.DeployPrereq], requiredBy: [WellKnownPipelineSteps.Deploy], tags: [WellKnownPipelineTags.ProvisionInfrastructure],
        description: $"Deploys the AWS CDK stack of '{pattern.Name}' with cdk deploy.");

        patternBuilder.WithPipelineStepFactory(DestroyStep(pattern), async context =>
        {
            var result = await deployer.DestroyAsync(pattern, PipelineReporter(context), context.CancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new DistributedApplicationException($"DynamoStreams pattern '{pattern.Name}': cdk destroy failed ({result.Failure!.StateText}): {result.Failure.Message}");
            }

            context.Summary.Add($"{pattern.Name}: destroyed", $"stack {result.StackName}.{PatternDeployer.RetainedNote(pattern)}");
        }, dependsOn: [WellKnownPipelineSteps.DestroyPrereq], requiredBy: [WellKnownPipelineSteps.Destroy],
        description: $"Destroys the AWS CDK stack of '{pattern.Name}' with cdk destroy --force (a retained table stays).");
    }

    private static DeploymentReporter PipelineReporter(PipelineStepContext context) =>
        new(context.Logger, (state, _) =>
        {
            context.Logger.LogInformation("{State}", state.Text);
            return Task.CompletedTask;
        });
}
