using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Lifecycle;
using DynamoStreams.LocalLambda.NodeRuntime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Declares, while the AppHost is built, what a pattern needs in a local run: the services, the health checks of the
/// emulator, the pattern, its mapping and its function, the handler process's arguments and environment, and the
/// dashboard commands. What happens at start, and in which order, is <see cref="LocalRunStartup"/>'s.
/// </summary>
internal static class LocalRunDeclaration
{
    /// <summary>
    /// Attaches the local run behaviour to a pattern.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="patternBuilder">The pattern builder.</param>
    public static void Attach(IDistributedApplicationBuilder builder, IResourceBuilder<DynamoStreamsLambdaResource> patternBuilder)
    {
        var pattern = patternBuilder.Resource;
        builder.Services.TryAddSingleton<DynamoStreamsLocalRun>();
        builder.Services.TryAddSingleton<Lambda.LocalLambdaRun>();
        builder.Services.TryAddSingleton<Lambda.FunctionHealthTracker>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalRunShutdown>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Telemetry.DashboardMetricsExporter>());
        builder.Services.TryAddEventingSubscriber<LocalRunStartup>();
        AttachEmulatorHealthCheckOnce(builder, pattern.Emulator);
        ConsoleLogDefaults.ApplyOnce(builder);

        var healthCheckKey = $"{pattern.Name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new PatternHealthCheck(pattern), failureStatus: null, tags: null));
        patternBuilder.WithHealthCheck(healthCheckKey);

        if (pattern.MappingResource is { } mappingResource)
        {
            var mappingCheck = $"{mappingResource.Name}_check";
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(mappingCheck, _ => new MappingHealthCheck(mappingResource), failureStatus: null, tags: null));
            builder.CreateResourceBuilder(mappingResource).WithHealthCheck(mappingCheck);
        }

        if (pattern.FunctionResource is { } functionResource)
        {
            var functionCheck = $"{functionResource.Name}_check";
            var functionName = pattern.LocalFunctionName;
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(functionCheck,
                services => new Lambda.FunctionHealthCheck(services.GetRequiredService<Lambda.FunctionHealthTracker>(), functionName), failureStatus: null, tags: null));
            builder.CreateResourceBuilder(functionResource).WithHealthCheck(functionCheck);
        }

        LocalCommands.Attach(builder, pattern);
        if (pattern.FunctionResource is ExecutableResource node)
        {
            builder.CreateResourceBuilder(node).WithArgs(NodeRuntimeShim.FilePath);
        }

        if (pattern.FunctionResource is IResourceWithEnvironment function)
        {
            builder.CreateResourceBuilder(function).WithEnvironment(async context =>
            {
                var runtime = await pattern.FunctionEnvironment.Task.WaitAsync(context.CancellationToken).ConfigureAwait(false);
                foreach (var (key, value) in runtime)
                {
                    context.EnvironmentVariables[key] = value;
                }

                if (pattern.Annotations.OfType<ExternalRunAnnotation>().LastOrDefault() is { } external)
                {
                    // The handler runs locally against an external stream: the external run's values, no endpoints, no local credentials.
                    await external.AddEnvironmentAsync(context.EnvironmentVariables, context.CancellationToken).ConfigureAwait(false);
                    return;
                }

                await LocalEnvironment.AddAsync(context.EnvironmentVariables, pattern, context.CancellationToken).ConfigureAwait(false);
            });
        }
    }

    private static void AttachEmulatorHealthCheckOnce(IDistributedApplicationBuilder builder, DynamoStreamsEmulatorResource emulator)
    {
        if (emulator.Annotations.OfType<LocalRunAnnotation>().Any())
        {
            return;
        }

        emulator.Annotations.Add(new LocalRunAnnotation());
        var healthCheckKey = $"{emulator.Name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, sp => new EmulatorHealthCheck(sp.GetRequiredService<DynamoStreamsLocalRun>()), failureStatus: null, tags: null));
        builder.CreateResourceBuilder(emulator).WithHealthCheck(healthCheckKey);
    }
}
