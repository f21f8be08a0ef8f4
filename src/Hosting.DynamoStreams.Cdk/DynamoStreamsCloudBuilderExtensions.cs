using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using Aspire.Hosting.DynamoStreams.Cdk.Publishing;
using Aspire.Hosting.Pipelines;

namespace Aspire.Hosting;

/// <summary>Provides the opt-in that makes <c>aspire publish</c> write the AWS CDK cloud assembly of the AppHost's patterns.</summary>
public static class DynamoStreamsCloudBuilderExtensions
{
    /// <summary>The default name of the cloud resource.</summary>
    public const string DefaultName = "dynamostreams-cloud";

    /// <summary>
    /// Makes <c>aspire publish</c> package every <c>AddDynamoStreamsLambda</c> handler and write one CDK cloud assembly
    /// (a template per pattern stack, the assets, <c>manifest.json</c>) into the publish output folder, ready for
    /// <c>cdk deploy --app &lt;folder&gt;</c>. A local run is unaffected: the resource exists only in publish mode and
    /// jsii starts only in its pipeline step.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="name">The resource name.</param>
    /// <returns>The cloud resource's builder (not in the model in run mode).</returns>
    /// <example>
    /// <code language="csharp">
    /// builder.AddDynamoStreamsLambda&lt;Projects.Handler_Sample&gt;("orders");
    /// builder.AddDynamoStreamsCloud();
    /// // aspire publish -o cdk.out   then   npx cdk deploy --app cdk.out --all
    /// </code>
    /// </example>
    public static IResourceBuilder<DynamoStreamsCloudResource> AddDynamoStreamsCloud(
        this IDistributedApplicationBuilder builder, [ResourceName] string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (builder.Resources.OfType<DynamoStreamsCloudResource>().FirstOrDefault() is { } existing)
        {
            if (existing.Name != name)
            {
                throw new DistributedApplicationException(
                    $"AddDynamoStreamsCloud(\"{name}\"): the AppHost already has the DynamoStreams cloud resource '{existing.Name}'. Call AddDynamoStreamsCloud once.");
            }

            return builder.CreateResourceBuilder(existing);
        }

        var resource = new DynamoStreamsCloudResource(name);
        resource.PublishOptions.StagingDirectory = Path.Combine(builder.AppHostDirectory, "obj", "dynamostreams");
        resource.PublishOptions.AppHostDirectory = builder.AppHostDirectory;
        if (builder.ExecutionContext.IsRunMode)
        {
            return builder.CreateResourceBuilder(resource);
        }

        return builder.AddResource(resource)
            .ExcludeFromManifest()
            .WithAnnotation(new PipelineStepAnnotation(_ => CloudPublishStep.Create(resource)));
    }

    /// <summary>
    /// Edits the options the pattern's stack is published with: <c>StackProps</c> (stack name, account and region, tags),
    /// <c>ExistingFunctionRoleArn</c> for an existing function, or <c>HandlerCodeDirectory</c> to ship a ready Linux
    /// publish folder instead of letting the publisher run <c>dotnet publish</c>. Has no effect on local runs.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Edits the options.</param>
    /// <returns>The pattern builder.</returns>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithCdkStackOptions(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<DynamoStreamsStackOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.WithAnnotation(new DynamoStreamsStackOptionsAnnotation(configure));
    }
}
