using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;

namespace Aspire.Hosting.DynamoStreams.Extensibility;

/// <summary>
/// Publishes state changes of the pattern's resources, which no orchestrator runs: the local run publishes through it,
/// and so does a run mode that takes a pattern elsewhere (<see cref="DynamoStreamsRunModes"/>).
/// </summary>
public static class DynamoStreamsResourceStates
{
    /// <summary>The state of a part whose provisioning failed.</summary>
    public static readonly ResourceStateSnapshot ProvisioningFailed = new("Provisioning failed", KnownResourceStateStyles.Error);

    /// <summary>The state of a mapping that was disabled.</summary>
    public static readonly ResourceStateSnapshot Disabled = new("Disabled", KnownResourceStateStyles.Warn);

    /// <summary>
    /// Publishes a new state (and optionally properties) for a resource.
    /// </summary>
    /// <param name="notifications">The notification service.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="state">The state.</param>
    /// <param name="properties">Properties to set.</param>
    /// <returns>A task that completes when published.</returns>
    public static Task PublishAsync(ResourceNotificationService notifications, IResource resource, ResourceStateSnapshot? state, params (string Name, object? Value)[] properties) =>
        notifications.PublishUpdateAsync(resource, s => s with
        {
            State = state,
            StartTimeStamp = state?.Text == KnownResourceStates.Running && s.StartTimeStamp is null ? DateTime.UtcNow : s.StartTimeStamp,
            Properties = ResourceSnapshots.With(s, properties),
        });

    /// <summary>
    /// Publishes properties without changing the state.
    /// </summary>
    /// <param name="notifications">The notification service.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="properties">Properties to set.</param>
    /// <returns>A task that completes when published.</returns>
    public static Task PublishPropertiesAsync(ResourceNotificationService notifications, IResource resource, params (string Name, object? Value)[] properties) =>
        notifications.PublishUpdateAsync(resource, s => s with { Properties = ResourceSnapshots.With(s, properties) });
}
