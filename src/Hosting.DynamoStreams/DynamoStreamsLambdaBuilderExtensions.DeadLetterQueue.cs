using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>
    /// Configures the SQS dead-letter queue (the seed's <c>sqsDlqQueueProps</c>); the queue is on by default.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Edits the queue options.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The queue is invalid or was turned off.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithDeadLetterQueue(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<SqsDlqQueueOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Resource.DeadLetterQueueConfigured = true;
        configure(builder.Resource.DeadLetterQueue);
        DynamoStreamsLambdaValidator.Validate(builder.Resource);
        return builder;
    }

    /// <summary>
    /// Turns the dead-letter queue off (the seed's <c>deploySqsDlqQueue: false</c>): a discarded batch is then dropped
    /// silently, as in AWS without an on-failure destination.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The queue was also configured.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithoutDeadLetterQueue(this IResourceBuilder<DynamoStreamsLambdaResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var pattern = builder.Resource;
        pattern.DeploySqsDlqQueue = false;
        DynamoStreamsLambdaValidator.Validate(pattern);
        if (pattern.DeadLetterQueueResource is { } queue)
        {
            builder.ApplicationBuilder.Resources.Remove(queue);
            pattern.DeadLetterQueueResource = null;
        }

        return builder;
    }
}
