namespace Aspire.Hosting.DynamoStreams.Extensibility;

/// <summary>
/// Says where a pattern runs instead of the local emulation, and how projects that reference it get their settings
/// (<see cref="DynamoStreamsRunModes.RunElsewhere"/>).
/// </summary>
/// <param name="Target">Where the pattern runs, as messages name it (for example "AWS").</param>
/// <param name="AddEnvironmentAsync">
/// Fills the environment of a project that references the pattern (and of its local handler, when it stays local),
/// for example with a deployed stack's table name and stream ARN; it may wait for them.
/// </param>
public sealed record ExternalRun(string Target, Func<IDictionary<string, object>, CancellationToken, Task> AddEnvironmentAsync)
{
    /// <summary>
    /// Gets whether the handler still runs locally: its function resource and the Runtime API host stay in the run, and
    /// the run mode feeds it with <see cref="DynamoStreamsRunModes.StartLocalHandlerAsync"/>. The table, mapping and
    /// queue resources leave the run either way.
    /// </summary>
    public bool KeepsHandler { get; init; }
}
