using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using Aspire.Hosting.Local;

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
    public static void Attach(IDistributedApplicationBuilder builder, IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder, PatternDeployer deployer)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return;
        }

        var pattern = patternBuilder.Resource;
        var state = new AwsRunState(pattern, deployer);
        LocalRunOptOut.Apply(builder, pattern, "AWS", state.AddEnvironmentAsync);
        patternBuilder.OnInitializeResource((_, e, ct) => state.StartAsync(e, ct));
    }
}
