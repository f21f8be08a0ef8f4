using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;

namespace Aspire.Hosting;

/// <summary>
/// Provides the deploy path of an <c>AddDynamoStreamsLambda</c> declaration: the "Deploy to AWS" and "Destroy" dashboard
/// commands, the <c>aspire deploy</c>/<c>aspire destroy</c> pipeline steps, and the AWS run mode. All of them run the
/// AWS CDK CLI (Node.js); a local run that uses none of them never starts Node.js.
/// </summary>
public static class DynamoStreamsAwsBuilderExtensions
{
    /// <summary>
    /// Lets the pattern be deployed to AWS from the AppHost: in a run, the dashboard commands "Deploy to AWS" and
    /// "Destroy" on the pattern resource; in <c>aspire deploy</c> / <c>aspire destroy</c>, a pipeline step per pattern.
    /// Both synthesise the pattern's stack and run <c>cdk deploy</c> / <c>cdk destroy --force</c> with the profile and
    /// region of <see cref="DynamoStreamsAwsOptions"/> (configuration section <c>DynamoStreams:Aws</c>).
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Sets options in code; configuration fills what is left unset.</param>
    /// <returns>The pattern builder.</returns>
    /// <example>
    /// <code language="csharp">
    /// builder.AddDynamoStreamsLambda&lt;Projects.Handler_Sample&gt;("orders")
    ///     .WithAwsDeployment(aws =&gt; aws.Region = "eu-west-1");   // profile from DynamoStreams:Aws:Profile or AWS_PROFILE
    /// </code>
    /// </example>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithAwsDeployment(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<DynamoStreamsAwsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var pattern = builder.Resource;
        if (pattern.Annotations.OfType<DeploymentAnnotation>().LastOrDefault() is { } existing)
        {
            configure?.Invoke(existing.Options);
            return builder;
        }

        var options = new DynamoStreamsAwsOptions();
        configure?.Invoke(options);
        builder.WithAnnotation(new DeploymentAnnotation(options));

        var deployer = DeployerOf(builder.ApplicationBuilder);
        if (builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            DeploymentCommands.Attach(builder);
        }
        else
        {
            DeploymentPipelineSteps.Attach(builder, deployer);
        }

        return builder;
    }

    /// <summary>
    /// Runs the pattern in AWS instead of locally (opt-in): at AppHost start its stack is deployed with the CDK CLI
    /// (a no-op when unchanged; or, with <see cref="DynamoStreamsAwsOptions.DeployOnStart"/> off, the last deploy's outputs
    /// are used), none of its local parts start (no table, queue, mapping or handler process; no emulator when no
    /// local pattern is left), and projects that reference it get the real table name, stream ARN, dead-letter queue URL
    /// and region, with no endpoint overrides. Also adds what <see cref="WithAwsDeployment"/> adds.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Sets options in code; configuration fills what is left unset.</param>
    /// <returns>The pattern builder.</returns>
    /// <remarks>
    /// With <see cref="DynamoStreamsAwsOptions.LocalHandler"/> on (<c>RunInAws(aws =&gt; aws.LocalHandler = true)</c> or
    /// configuration <c>DynamoStreams:Aws:LocalHandler=true</c>), the stack's event-source mapping is deployed disabled and
    /// the handler runs locally (debugger-friendly) with the real outputs in its environment, fed by the local mapping
    /// engine reading the real stream with the developer's credentials; failed records go to the real dead-letter queue.
    /// The engine's DynamoDB Streams and SQS endpoints honour <c>AWS_ENDPOINT_URL_DYNAMODB_STREAMS</c>,
    /// <c>AWS_ENDPOINT_URL_SQS</c> and <c>AWS_ENDPOINT_URL</c> in the AppHost's environment (LocalStack). Deploy without the
    /// option to enable the cloud mapping again.
    /// A local pattern cannot read the table of a pattern that runs in AWS: the run fails at start saying so.
    /// </remarks>
    /// <example>
    /// <code language="csharp">
    /// builder.AddDynamoStreamsLambda&lt;Projects.Handler_Sample&gt;("orders")
    ///     .RunInAws(aws =&gt; aws.LocalHandler = true);   // debug the handler locally against the real stream
    /// </code>
    /// </example>
    public static IResourceBuilder<DynamoStreamsLambdaResource> RunInAws(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<DynamoStreamsAwsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithAwsDeployment(configure);
        if (!builder.Resource.Annotations.OfType<AwsRunModeAnnotation>().Any())
        {
            builder.WithAnnotation(new AwsRunModeAnnotation());
            var deployer = DeployerOf(builder.ApplicationBuilder);
            AwsRunModeDeclaration.Attach(builder.ApplicationBuilder, builder, deployer, localHandler: deployer.Settings(builder.Resource).LocalHandler == true);
        }

        return builder;
    }

    private static PatternDeployer DeployerOf(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(PatternDeployer))?.ImplementationInstance is PatternDeployer registered)
        {
            return registered;
        }

        var deployer = new PatternDeployer(builder.Configuration, builder.AppHostDirectory);
        builder.Services.Add(new Microsoft.Extensions.DependencyInjection.ServiceDescriptor(typeof(PatternDeployer), deployer));
        return deployer;
    }
}
