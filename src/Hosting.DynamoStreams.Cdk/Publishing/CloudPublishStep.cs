using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>Creates the pipeline step that publishes the cloud assembly as part of <c>aspire publish</c>.</summary>
internal static class CloudPublishStep
{
    /// <summary>Creates the step for <paramref name="resource"/>: after the publish prerequisites, required by <c>publish</c>.</summary>
    /// <param name="resource">The cloud resource.</param>
    /// <returns>The step.</returns>
    public static PipelineStep Create(DynamoStreamsCloudResource resource) => new()
    {
        Name = DynamoStreamsCloudResource.PublishStepName,
        Description = "Packages the DynamoStreams handlers and writes the AWS CDK cloud assembly of every pattern.",
        Resource = resource,
        DependsOnSteps = [WellKnownPipelineSteps.PublishPrereq],
        RequiredBySteps = [WellKnownPipelineSteps.Publish],
        Action = context => PipelineStepFailure.FailProcessOnErrorAsync(() => RunAsync(resource, context)),
    };

    private static async Task RunAsync(DynamoStreamsCloudResource resource, PipelineStepContext context)
    {
        var cancellationToken = context.CancellationToken;
        var output = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
        resource.PublishOptions.ClearCache |= context.Services.GetService<IOptions<PipelineOptions>>()?.Value.ClearCache == true;

        var task = await context.ReportingStep.CreateTaskAsync("Writing the AWS CDK cloud assembly", cancellationToken).ConfigureAwait(false);
        try
        {
            var publisher = new DynamoStreamsCloudPublisher(resource.PublishOptions, context.Logger);
            var result = await publisher.PublishAsync(context.Model, output, cancellationToken).ConfigureAwait(false);
            resource.Published = result;
            var how = result.FromCache ? "unchanged, from the cache" : "synthesised";
            await task.CompleteAsync(
                $"Cloud assembly with stack(s) {string.Join(", ", result.StackNames)} in {result.Directory} ({how}).",
                CompletionState.Completed,
                cancellationToken).ConfigureAwait(false);
            context.Summary.Add("CDK cloud assembly", result.Directory);
            context.Summary.Add("CDK stacks", string.Join(", ", result.StackNames));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await task.CompleteAsync(exception.Message, CompletionState.CompletedWithError, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }
}
