using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Runs one pattern in AWS for an AppHost run: deploys its stack at start (or takes the last deploy's outputs), publishes
/// the pattern's state, and hands the outputs to the projects that reference it.
/// </summary>
/// <param name="pattern">The pattern.</param>
/// <param name="deployer">The AppHost's deployer.</param>
/// <param name="localHandler">Whether the handler runs locally against the real stream (the cloud mapping deployed disabled).</param>
internal sealed class AwsRunState(DynamoStreamsLambdaResource pattern, PatternDeployer deployer, bool localHandler)
{
    private const string ModeProperty = "dynamostreams.aws.mode";

    /// <summary>The pattern property that shows the local mapping's state (Enabled, Disabled).</summary>
    public const string LocalMappingStateProperty = "dynamostreams.aws.localMappingState";

    private readonly TaskCompletionSource<DynamoStreamsStackOutputs> _outputs = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the local mapping on the real stream once it runs (only with the local handler).</summary>
    public EventSourceMapping? LocalMapping { get; private set; }

    /// <summary>
    /// Deploys or finds the stack and publishes the outcome; called when the run initialises the pattern resource.
    /// </summary>
    /// <param name="e">The initialise event.</param>
    /// <param name="cancellationToken">Cancels the deploy.</param>
    /// <returns>A task that completes when the pattern runs in AWS or failed to.</returns>
    public async Task StartAsync(InitializeResourceEvent e, CancellationToken cancellationToken)
    {
        var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
        var mode = localHandler
            ? "Runs in AWS with the cloud mapping disabled; the local handler consumes the real stream"
            : "Runs in AWS (no local parts)";
        await DynamoStreamsResourceStates.PublishAsync(notifications, pattern, KnownResourceStates.Starting, (ModeProperty, mode)).ConfigureAwait(false);
        try
        {
            var outputs = deployer.Settings(pattern).DeployOnStart == false ? deployer.FindOutputs(pattern) : null;
            if (outputs is not null)
            {
                e.Logger.LogInformation("Using the outputs of the deployed stack {Stack} from {File} (DeployOnStart is off).", outputs.StackName, deployer.OutputsFile(pattern));
            }
            else
            {
                var reporter = DeploymentCommandWiring.ResourceReporter(pattern, e.Services);
                var result = await deployer.DeployAsync(pattern, reporter, publishedAssembly: null, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new DistributedApplicationException($"DynamoStreams pattern '{pattern.Name}' could not be deployed to AWS ({result.Failure!.StateText}): {result.Failure.Message}");
                }

                outputs = result.Outputs!;
            }

            _outputs.TrySetResult(outputs);
            var properties = PatternDeployer.OutputProperties(outputs).ToList();
            if (localHandler)
            {
                var mapping = await AwsStreamConsumer.StartAsync(pattern, outputs, deployer.Settings(pattern), e.Services, e.Logger, cancellationToken).ConfigureAwait(false);
                LocalMapping = mapping;
                properties.Add(("dynamostreams.aws.localMapping", mapping.Uuid));
                properties.Add((LocalMappingStateProperty, mapping.GetStatus().State));
            }

            await DynamoStreamsResourceStates.PublishAsync(notifications, pattern, KnownResourceStates.Running, [.. properties]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // FailedToStart (not the named failure state) so that WaitFor(pattern) stops waiting; the reason stays in a property and the log.
            e.Logger.LogError("{Message}", ex.Message);
            await DynamoStreamsResourceStates.PublishAsync(notifications, pattern, KnownResourceStates.FailedToStart, ("dynamostreams.aws.failure", ex.Message)).ConfigureAwait(false);
            _outputs.TrySetException(ex);
            DynamoStreamsRunModes.ReportStartFailure(pattern, ex);
        }
    }

    /// <summary>Shows the local mapping's current state on the pattern.</summary>
    /// <param name="services">The AppHost services.</param>
    /// <returns>A task that completes when published.</returns>
    public Task PublishLocalMappingStateAsync(IServiceProvider services) => LocalMapping is { } mapping
        ? DynamoStreamsResourceStates.PublishPropertiesAsync(services.GetRequiredService<ResourceNotificationService>(), pattern, (LocalMappingStateProperty, mapping.GetStatus().State))
        : Task.CompletedTask;

    /// <summary>
    /// Fills a referencing project's environment from the deployed stack's outputs.
    /// </summary>
    /// <param name="environment">The environment.</param>
    /// <param name="cancellationToken">Cancels the wait for the deploy.</param>
    /// <returns>A task that completes when the environment is filled.</returns>
    public async Task AddEnvironmentAsync(IDictionary<string, object> environment, CancellationToken cancellationToken)
    {
        var settings = deployer.Settings(pattern);
        var outputs = !_outputs.Task.IsCompleted && settings.DeployOnStart == false && deployer.FindOutputs(pattern) is { } deployed
            ? deployed
            : await _outputs.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        AwsEnvironment.Add(environment, pattern.Name, outputs, settings);
    }
}
