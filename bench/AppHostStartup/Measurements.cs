using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EndToEnd.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AppHostStartup;

/// <summary>
/// One measurement per process, so every start is cold as with <c>dotnet run</c> (build up to date).
/// </summary>
internal static class Measurements
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(Environment.GetEnvironmentVariable("BENCH_TIMEOUT_MINUTES") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : 5);

    /// <summary>
    /// Starts an AppHost and prints the time from this process's start to every resource healthy.
    /// </summary>
    /// <param name="target"><c>bare</c> or <c>sample</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> StartupAsync(string target)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        await using var app = await StartAsync(target, cts.Token);
        var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine($"result ms={elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)}");
        await app.StopAsync(cts.Token);
        return 0;
    }

    /// <summary>
    /// Starts AppHost.Sample, checks that only the Node.js handler runs node and that no jsii/CDK assembly loaded, then
    /// measures write-to-handler latency: PutItem of an order until the handler's total for its customer is readable.
    /// </summary>
    /// <param name="samples">How many orders.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> LatencyAsync(int samples)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        await using var app = await StartAsync("sample", cts.Token);

        var nodes = ChildProcesses.Of(Environment.ProcessId).Where(p => p.IsNode).ToList();
        var strayNodes = nodes.Where(p => !p.CommandLine.Contains("lambda-runtime.js", StringComparison.Ordinal)).ToList();
        var cloudAssemblies = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty)
            .Where(n => n.StartsWith("Amazon.JSII", StringComparison.Ordinal) || n.StartsWith("Amazon.CDK", StringComparison.Ordinal)).ToList();

        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var emulator = model.Resources.OfType<DynamoStreamsEmulatorResource>().Single();
        var orders = model.Resources.OfType<DynamoStreamsLambdaResource>().Single(r => r.Name == "orders");
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), new AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint!.ToString(), AuthenticationRegion = emulator.Region });
        await WaitForTotalsTableAsync(client, cts.Token);

        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var customer = $"bench-{Guid.NewGuid():N}";
            var stopwatch = Stopwatch.StartNew();
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = orders.LocalTableName,
                Item = new() { ["id"] = new() { S = $"o-{customer}" }, ["customerId"] = new() { S = customer }, ["amount"] = new() { N = "1" } },
            }, cts.Token);
            while ((await client.GetItemAsync(new GetItemRequest { TableName = "customer-totals", Key = new() { ["customerId"] = new() { S = customer } }, ConsistentRead = true }, cts.Token)).Item is not { Count: > 0 })
            {
                await Task.Delay(5, cts.Token);
            }

            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var sorted = latencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result write->handler latency over {samples} orders: median {sorted[sorted.Length / 2]:F0} ms, p90 {sorted[(int)(sorted.Length * 0.9)]:F0} ms, max {sorted[^1]:F0} ms; "
            + $"node processes: {nodes.Count} (all the Node handler's runtime: {strayNodes.Count == 0}); jsii/CDK assemblies loaded: {cloudAssemblies.Count}"));
        await app.StopAsync(cts.Token);
        return strayNodes.Count == 0 && cloudAssemblies.Count == 0 ? 0 : 1;
    }

    private static async Task<DistributedApplication> StartAsync(string target, CancellationToken cancellationToken)
    {
        var builder = target == "bare"
            ? await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHostStartup_Bare>(cancellationToken)
            : await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost_Sample>(cancellationToken);
        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        // Every resource the dashboard shows; hidden helpers (a project's "-rebuilder") never start.
        var names = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(r => r.Name)
            .Where(n => !(app.ResourceNotifications.TryGetCurrentState(n, out var e) && e.Snapshot.IsHidden)).ToList();
        try
        {
            await Task.WhenAll(names.Select(n => app.ResourceNotifications.WaitForResourceHealthyAsync(n, cancellationToken)));
        }
        catch (OperationCanceledException)
        {
            foreach (var name in names)
            {
                var state = app.ResourceNotifications.TryGetCurrentState(name, out var e) ? $"{e.Snapshot.State?.Text} health={e.Snapshot.HealthStatus}" : "no state";
                await Console.Error.WriteLineAsync($"{name}: {state}");
            }

            throw;
        }

        return app;
    }

    private static async Task WaitForTotalsTableAsync(AmazonDynamoDBClient client, CancellationToken cancellationToken)
    {
        // The sample's writer creates the totals table when it starts; like DynamoDB, the emulator reports it
        // CREATING for a moment and refuses reads until it is ACTIVE.
        while (true)
        {
            try
            {
                if ((await client.DescribeTableAsync("customer-totals", cancellationToken)).Table.TableStatus == TableStatus.ACTIVE)
                {
                    return;
                }
            }
            catch (ResourceNotFoundException)
            {
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
