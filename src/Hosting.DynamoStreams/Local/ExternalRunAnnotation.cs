using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Marks a pattern that a run does not start locally (it runs in AWS): none of its local parts start, and the projects
/// that reference it get their environment from <see cref="AddEnvironmentAsync"/> instead of the emulator's.
/// </summary>
/// <param name="target">Where the pattern runs, for messages (for example "AWS").</param>
/// <param name="addEnvironment">Fills a referencing project's environment.</param>
/// <param name="keepsHandler">Whether the handler still runs locally (behind the runtime host) against the external stream.</param>
internal sealed class ExternalRunAnnotation(string target, Func<IDictionary<string, object>, CancellationToken, Task> addEnvironment, bool keepsHandler = false) : IResourceAnnotation
{
    /// <summary>Gets whether the handler still runs locally (its function resource and the runtime host stay in the run).</summary>
    public bool KeepsHandler { get; } = keepsHandler;

    /// <summary>Gets where the pattern runs.</summary>
    public string Target { get; } = target;

    /// <summary>Fills a referencing project's environment.</summary>
    /// <param name="environment">The environment to fill.</param>
    /// <param name="cancellationToken">Cancels the wait for the values.</param>
    /// <returns>A task that completes when the environment is filled.</returns>
    public Task AddEnvironmentAsync(IDictionary<string, object> environment, CancellationToken cancellationToken) => addEnvironment(environment, cancellationToken);
}
