using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using Aspire.Hosting.DynamoStreams.Extensibility;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Switches a pattern to the AWS run mode: its local parts leave the model, its stack is deployed (or found) when the
/// run starts, and referencing projects get the real outputs.
/// </summary>
internal static class AwsRunModeWiring
{
    /// <summary>
    /// Attaches the AWS run mode to a pattern; in publish mode nothing changes.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="patternBuilder">The pattern builder.</param>
    /// <param name="deployer">The AppHost's deployer.</param>
    /// <param name="localHandler">
    /// Keeps the handler local against the real stream: the stack's mapping is deployed disabled and the function
    /// resource stays in the run (<see cref="DynamoStreamsAwsOptions.LocalHandler"/>).
    /// </param>
    public static void Attach(IDistributedApplicationBuilder builder, IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder, PatternDeployer deployer, bool localHandler)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return;
        }

        var pattern = patternBuilder.Resource;
        if (localHandler)
        {
            if (pattern.Handler.Kind == LambdaHandlerKind.ExistingFunction)
            {
                throw DynamoStreamsRunModes.ConfigurationError(pattern,
                    "LocalHandler needs a handler that can run locally, but the pattern uses an existing function (LambdaHandler.FromExistingFunction). "
                    + "Declare the handler as a project or Node.js code, or turn LocalHandler off.");
            }

            pattern.Annotations.Add(new CloudMappingDisabledAnnotation());
        }

        var state = new AwsRunState(pattern, deployer, localHandler);
        DynamoStreamsRunModes.RunElsewhere(builder, pattern, new ExternalRun("AWS", state.AddEnvironmentAsync) { KeepsHandler = localHandler });
        if (localHandler)
        {
            LocalHandlerCommands.Attach(patternBuilder, state);
        }

        patternBuilder.OnInitializeResource((_, e, ct) => state.StartAsync(e, ct));
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            // The option shapes the model when RunInAws() is called; a later change would be silently ignored.
            if ((deployer.Settings(pattern).LocalHandler == true) != localHandler)
            {
                throw DynamoStreamsRunModes.ConfigurationError(pattern,
                    $"LocalHandler was {(localHandler ? "turned off" : "turned on")} after RunInAws() was called, too late to change what runs locally. "
                    + "Set it in the RunInAws(aws => aws.LocalHandler = true) callback or in configuration (DynamoStreams:Aws:LocalHandler).");
            }

            return Task.CompletedTask;
        });
    }
}
