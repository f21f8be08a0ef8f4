using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>
    /// Configures the function (the seed's <c>lambdaFunctionProps</c>): timeout, memory size, environment, reserved concurrency
    /// and the cloud-only settings. Not allowed with an existing function.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Edits the function options.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The resulting settings are invalid.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithFunction(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<LambdaFunctionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Resource.Function);
        DynamoStreamsLambdaValidator.Validate(builder.Resource);
        return builder;
    }

    /// <summary>
    /// Sets one environment variable of the function (locally of the handler process; in AWS of the Lambda function).
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="name">The variable name (not one of Lambda's reserved names).</param>
    /// <param name="value">The value.</param>
    /// <returns>The pattern builder.</returns>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithFunctionEnvironment(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithFunction(f => f.Environment[name] = value);
    }

    private static void AddFunctionResource(IDistributedApplicationBuilder builder, IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder)
    {
        var pattern = patternBuilder.Resource;
        var name = $"{pattern.Name}-function";
        switch (pattern.Handler.Kind)
        {
            case LambdaHandlerKind.Project:
                var project = builder.AddProject(name, pattern.Handler.ProjectPath!)
                    .WithParentRelationship(patternBuilder)
                    .ExcludeFromManifest();
                pattern.FunctionResource = project.Resource;
                break;
            case LambdaHandlerKind.NodeCode:
                var node = builder.AddExecutable(name, "node", pattern.Handler.CodePath!)
                    .WithParentRelationship(patternBuilder)
                    .ExcludeFromManifest();
                pattern.FunctionResource = node.Resource;
                break;
        }
    }
}
