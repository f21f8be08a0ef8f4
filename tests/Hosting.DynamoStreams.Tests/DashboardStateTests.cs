using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Aspire.Hosting.DynamoStreams.Local;
using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Aspire.Hosting.DynamoStreams.Extensibility;

namespace Hosting.DynamoStreams.Tests;

/// <summary>
/// What the resources page shows for a mapping and a dead-letter queue (issue 16): the reason in words as the state,
/// warn while retrying, error once discarding, and health that says the same.
/// </summary>
public class DashboardStateTests
{
    [Fact]
    public void MappingState_Retrying_WarnWithTheReasonAndDegradedHealth()
    {
        // issue 16: "Retrying: function error (3rd attempt)", health Degraded with that reason
        var status = Status(new ProcessingCondition(ProcessingConditionKind.Retrying, "Retrying: function error (3rd attempt)", "System.Exception: boom"));

        Assert.Equal(new ResourceStateSnapshot("Retrying: function error (3rd attempt)", KnownResourceStateStyles.Warn), MappingStates.State(status));
        var health = MappingStates.Health(status);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("Retrying: function error (3rd attempt). Last error: System.Exception: boom. 5 read, 1 filtered, 2 delivered, 4 invocations, 2 function errors, 1 sent to the DLQ, iterator age 1.5 s", health.Description);
    }

    [Fact]
    public void MappingState_Discarding_ErrorAndUnhealthy()
    {
        // issue 16: "Discarding to DLQ", health Unhealthy
        var status = Status(new ProcessingCondition(ProcessingConditionKind.Discarding, "Discarding to DLQ: retry attempts exhausted (1 record)"));

        Assert.Equal(new ResourceStateSnapshot("Discarding to DLQ", KnownResourceStateStyles.Error), MappingStates.State(status));
        Assert.Equal(HealthStatus.Unhealthy, MappingStates.Health(status).Status);
        Assert.StartsWith("Discarding to DLQ: retry attempts exhausted (1 record). 5 read,", MappingStates.Health(status).Description);
    }

    [Fact]
    public void MappingState_HealthyOrDisabled_RunningOrDisabledAndHealthy()
    {
        // issue 16: back to normal on success; a paused mapping is not a failing one
        Assert.Equal(KnownResourceStates.Running, MappingStates.State(Status(ProcessingCondition.Healthy)).Text);
        Assert.Equal(HealthStatus.Healthy, MappingStates.Health(Status(ProcessingCondition.Healthy)).Status);
        Assert.Equal(DynamoStreamsResourceStates.Disabled, MappingStates.State(Status(ProcessingCondition.Healthy, EventSourceMappingState.Disabled)));
        Assert.Equal(HealthStatus.Unhealthy, MappingStates.Health(null).Status);
    }

    [Theory]
    [InlineData(0, "Running", null)]
    [InlineData(1, "1 message waiting", "warning")]
    [InlineData(3, "3 messages waiting", "warning")]
    public void QueueState_Depth_ShownAsTheState(int depth, string text, string? style)
    {
        // issue 16: a DLQ that holds messages shows its depth on the resources page
        Assert.Equal(new ResourceStateSnapshot(text, style), MappingStates.QueueState(depth));
    }

    private static LocalMappingStatus Status(ProcessingCondition condition, string state = EventSourceMappingState.Enabled) =>
        new(state, "OK", 5, 1, 2, 4, 2, 1, TimeSpan.FromMilliseconds(1500), null, condition);
}
