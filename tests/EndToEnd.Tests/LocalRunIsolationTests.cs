namespace EndToEnd.Tests;

[Collection(IsolatedCollection.Name)]
public sealed class LocalRunIsolationTests
{
    [Fact]
    public async Task LocalRun_DotNetOnlyAppHost_StartsNoNodeProcessAndLoadsNoJsiiOrCdk()
    {
        // issue 7/8 + DESIGN "How the cloud is reached": Node/jsii start only on the cloud path; a .NET-only local run
        // starts no Node.js process and loads no Amazon.JSII / Amazon.CDK assembly into the AppHost's process
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var run = await RunningAppHost.StartAsync([], cts.Token);
        var customer = $"isolation-{Guid.NewGuid():N}";
        await run.PutOrderAsync($"o-{customer}", customer, 1m);
        await SampleAppFixture.EventuallyAsync(async () => await run.GetTotalAsync(customer) is not null ? "handled" : null, "an order to flow through the whole local run");

        var cloudAssemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name ?? string.Empty)
            .Where(n => n.StartsWith("Amazon.JSII", StringComparison.Ordinal) || n.StartsWith("Amazon.CDK", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(cloudAssemblies);

        var descendants = ChildProcesses.Of(Environment.ProcessId);
        Assert.NotEmpty(descendants);
        Assert.DoesNotContain(descendants, p => p.IsNode);
        // The check can see the run's processes: the .NET handler is among them.
        Assert.Contains(descendants, p => p.CommandLine.Contains("Handler.Sample", StringComparison.Ordinal));
    }
}
