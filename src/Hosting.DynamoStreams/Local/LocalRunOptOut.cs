using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Takes a pattern out of the local run (the hook the cloud path's AWS run mode uses): its table, mapping, queue and
/// function resources leave the model, its local start-up and health check are skipped, and the shared emulator and
/// runtime host are removed when no local pattern is left.
/// </summary>
internal static class LocalRunOptOut
{
    /// <summary>
    /// Marks the pattern as running elsewhere and removes its local parts.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="target">Where the pattern runs, for messages.</param>
    /// <param name="addEnvironment">Fills the environment of a project that references the pattern (and of its local handler).</param>
    /// <param name="keepHandler">
    /// Keeps the handler in the run: its function resource and the runtime host stay, and the caller registers the function
    /// and feeds it (<see cref="Lambda.ExternalStreamHandler"/>, reached through <see cref="Extensibility.DynamoStreamsRunModes"/>); the table, mapping and queue resources still leave.
    /// </param>
    public static void Apply(IDistributedApplicationBuilder builder, DynamoStreamsLambdaResource pattern, string target,
        Func<IDictionary<string, object>, CancellationToken, Task> addEnvironment, bool keepHandler = false)
    {
        if (IsExternal(pattern))
        {
            return;
        }

        pattern.Annotations.Add(new ExternalRunAnnotation(target, addEnvironment, keepHandler));
        if (!builder.ExecutionContext.IsRunMode)
        {
            return;
        }

        IResource?[] parts = [pattern.TableResource, pattern.MappingResource, pattern.DeadLetterQueueResource, keepHandler ? null : pattern.FunctionResource];
        foreach (var part in parts.OfType<IResource>())
        {
            builder.Resources.Remove(part);
        }

        pattern.TableResource = null;
        pattern.MappingResource = null;
        pattern.DeadLetterQueueResource = null;
        if (!keepHandler)
        {
            pattern.FunctionResource = null;
        }

        foreach (var check in pattern.Annotations.OfType<HealthCheckAnnotation>().Where(a => a.Key == $"{pattern.Name}_check").ToList())
        {
            pattern.Annotations.Remove(check);
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var patterns = e.Model.Resources.OfType<DynamoStreamsLambdaResource>().ToList();
            foreach (var local in patterns.Where(p => !IsExternal(p)))
            {
                if (local.ExistingTable?.Pattern is { } owner && IsExternal(owner))
                {
                    throw DynamoStreamsLambdaValidator.Fail(local,
                        $"it reads the table of pattern '{owner.Name}', which runs in {target}, so a local run has no local table to read. "
                        + $"Run '{local.Name}' in {target} too, or run '{owner.Name}' locally.");
                }
            }

            if (patterns.All(IsExternal))
            {
                // The runtime host stays while a pattern's handler still runs locally against the external stream.
                var keepRuntimeHost = patterns.Any(KeepsHandler);
                foreach (var shared in e.Model.Resources.Where(r => r is DynamoStreamsEmulatorResource || (r is LambdaRuntimeHostResource && !keepRuntimeHost)).ToList())
                {
                    e.Model.Resources.Remove(shared);
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Gets whether the pattern runs outside the local run.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>True when a cloud run mode took the pattern out of the local run.</returns>
    public static bool IsExternal(DynamoStreamsLambdaResource pattern) => pattern.Annotations.OfType<ExternalRunAnnotation>().Any();

    /// <summary>Gets whether the pattern runs outside the local run but keeps its handler local.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>True when the handler runs locally against the external stream.</returns>
    public static bool KeepsHandler(DynamoStreamsLambdaResource pattern) => pattern.Annotations.OfType<ExternalRunAnnotation>().Any(a => a.KeepsHandler);
}
