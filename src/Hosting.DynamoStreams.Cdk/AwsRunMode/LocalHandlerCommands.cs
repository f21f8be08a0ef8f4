using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Adds the dashboard commands of the AWS run mode's local handler to the pattern: pause and resume the local mapping
/// on the real stream, and replay that stream from TRIM_HORIZON to debug against the last 24 hours of real changes.
/// </summary>
internal static class LocalHandlerCommands
{
    /// <summary>Attaches the commands; each is enabled only while the local mapping is in the state it acts on.</summary>
    /// <param name="patternBuilder">The pattern builder.</param>
    /// <param name="state">The pattern's AWS run state, which holds the local mapping once it runs.</param>
    public static void Attach(IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder, AwsRunState state)
    {
        var pattern = patternBuilder.Resource;
        patternBuilder.WithCommand(DynamoStreamsAwsCommands.PauseLocalHandler, "Pause local handler",
            OnMapping(state, pattern, (mapping, ct) => mapping.SetEnabledAsync(false, ct)), new CommandOptions
            {
                Description = "Stop reading the real stream; records wait there at the checkpoint (for up to 24 hours).",
                IconName = "Pause",
                UpdateState = _ => WhenMapping(state, EventSourceMappingState.Enabled),
            });

        patternBuilder.WithCommand(DynamoStreamsAwsCommands.ResumeLocalHandler, "Resume local handler",
            OnMapping(state, pattern, (mapping, ct) => mapping.SetEnabledAsync(true, ct)), new CommandOptions
            {
                Description = "Read the real stream again from the checkpoint.",
                IconName = "Play",
                UpdateState = _ => WhenMapping(state, EventSourceMappingState.Disabled),
            });

        patternBuilder.WithCommand(DynamoStreamsAwsCommands.ReplayRealStream, "Replay real stream",
            OnMapping(state, pattern, (mapping, ct) => mapping.ReplayFromTrimHorizonAsync(ct)), new CommandOptions
            {
                Description = "Forget the local checkpoints and deliver every record still in the real stream to the local handler again.",
                IconName = "ArrowRepeatAll",
                ConfirmationMessage = "Deliver every record still in the real stream (up to the last 24 hours) to the local handler again? Nothing changes in AWS.",
                UpdateState = _ => WhenMapping(state, EventSourceMappingState.Enabled),
            });
    }

    /// <summary>Runs <paramref name="act"/> on the running local mapping, then shows the mapping's new state.</summary>
    private static Func<ExecuteCommandContext, Task<ExecuteCommandResult>> OnMapping(AwsRunState state, DynamoStreamsLambdaResource pattern,
        Func<EventSourceMapping, CancellationToken, Task> act) => async context =>
        {
            var mapping = state.LocalMapping ?? throw new InvalidOperationException(
                $"The local handler of '{pattern.Name}' is not consuming the real stream yet: wait until the pattern runs (its stack deployed and its outputs read).");
            await act(mapping, context.CancellationToken).ConfigureAwait(false);
            await state.PublishLocalMappingStateAsync(context.Services).ConfigureAwait(false);
            return CommandResults.Success();
        };

    private static ResourceCommandState WhenMapping(AwsRunState state, string mappingState) =>
        state.LocalMapping?.GetStatus().State == mappingState ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;
}
