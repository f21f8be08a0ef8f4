using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>
    /// Gives a project what it needs to use the pattern with no code change: in a local run the emulator's
    /// <c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_ENDPOINT_URL_DYNAMODB_STREAMS</c> and <c>AWS_ENDPOINT_URL_SQS</c>, the region,
    /// local credentials, and the <see cref="DynamoStreamsConfigurationKeys"/> settings (table name and ARN, stream ARN,
    /// dead-letter queue URL and ARN, function name). Combine with <c>WaitFor(pattern)</c> to start after the pattern is healthy.
    /// </summary>
    /// <typeparam name="TDestination">The referencing resource type.</typeparam>
    /// <param name="builder">The referencing resource builder.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The referencing resource builder.</returns>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(
        this IResourceBuilder<TDestination> builder, IResourceBuilder<DynamoStreamsLambdaResource> pattern)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pattern);
        var resource = pattern.Resource;
        builder.WithReferenceRelationship(resource);
        return builder.WithEnvironment(async context =>
        {
            if (context.ExecutionContext.IsRunMode && resource.Annotations.OfType<ExternalRunAnnotation>().LastOrDefault() is { } external)
            {
                await external.AddEnvironmentAsync(context.EnvironmentVariables, context.CancellationToken).ConfigureAwait(false);
            }
            else if (context.ExecutionContext.IsRunMode)
            {
                await LocalEnvironment.AddAsync(context.EnvironmentVariables, resource, context.CancellationToken).ConfigureAwait(false);
            }
        });
    }
}
