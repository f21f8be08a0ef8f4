using System.Runtime.CompilerServices;
using Aspire.Hosting;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

/// <summary>
/// Lets a test drive a built AppHost's events without starting the orchestrator: the AppHost's eventing subscribers
/// subscribe first, once per app, as <c>DistributedApplication.StartAsync</c> has them do before it publishes any event.
/// </summary>
internal static class AppHostEvents
{
    private static readonly ConditionalWeakTable<DistributedApplication, Task> s_subscribed = [];

    /// <summary>Has every registered eventing subscriber subscribe, the first time it is called for the app.</summary>
    /// <param name="app">The built AppHost.</param>
    /// <returns>A task that completes when every subscriber subscribed.</returns>
    public static Task SubscribeOnceAsync(DistributedApplication app) => s_subscribed.GetValue(app, SubscribeAsync);

    private static async Task SubscribeAsync(DistributedApplication app)
    {
        var eventing = app.Services.GetRequiredService<IDistributedApplicationEventing>();
        var executionContext = app.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        foreach (var subscriber in app.Services.GetServices<IDistributedApplicationEventingSubscriber>())
        {
            await subscriber.SubscribeAsync(eventing, executionContext, CancellationToken.None);
        }
    }
}
