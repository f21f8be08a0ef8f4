using Amazon.CDK;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using DynamoStreams.Construct;

namespace Aspire.Hosting;

/// <summary>Provides the hooks that edit the CDK stack generated from an <c>AddDynamoStreamsLambda</c> declaration.</summary>
public static class DynamoStreamsCdkBuilderExtensions
{
    /// <summary>
    /// Edits the <see cref="DynamoDBStreamsToLambdaProps"/> built from the declaration before the construct is created
    /// (like Aspire's <c>ConfigureInfrastructure</c>), for props the options do not cover. Has no effect on local runs.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Edits the props; the stack is the scope for any construct the props need.</param>
    /// <returns>The pattern builder.</returns>
    public static IResourceBuilder<DynamoStreamsLambdaResource> ConfigureCdkProps(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<DynamoDBStreamsToLambdaProps, Stack> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.WithAnnotation(new DynamoStreamsCdkAnnotation(configure, null));
    }

    /// <summary>
    /// Edits the generated stack once the construct and its outputs exist, for example to add alarms or tags, or to
    /// override a CloudFormation property through <see cref="DynamoStreamsStack.Pattern"/>. Has no effect on local runs.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Edits the stack.</param>
    /// <returns>The pattern builder.</returns>
    public static IResourceBuilder<DynamoStreamsLambdaResource> ConfigureCdkStack(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<DynamoStreamsStack> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.WithAnnotation(new DynamoStreamsCdkAnnotation(null, configure));
    }
}
