using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>
    /// Configures the event-source mapping (the seed's <c>dynamoEventSourceProps</c>): starting position, batch size and
    /// window, bisect, retries, record age, parallelization, tumbling window, partial batch responses, filters, enabled.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Edits the mapping options, which start at the seed's defaults.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">A value is out of CDK's range.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithEventSource(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<DynamoEventSourceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Resource.EventSource);
        DynamoStreamsLambdaValidator.Validate(builder.Resource);
        return builder;
    }
}
