using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EndToEnd.Tests;

/// <summary>
/// The mapping's row tells the truth (issue 16) on a real AppHost (tests/EndToEnd.AppHost, no writer, so only this
/// test's records flow): a record the handler rejects turns the mapping to a warn then error state with the reason and
/// its health to Unhealthy, the DLQ shows its depth, the discard is in the mapping's own log, and a good record turns it back.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class MappingConditionTests
{
    [Fact]
    public async Task FailingRecord_MappingRetriesDiscardsThenRecoversOnAGoodRecord()
    {
        // issue 16 #1 and #3: state and health follow the last processing result; events in the mapping's log
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var run = await RunningAppHost.StartAsync([], cts.Token);
        var notifications = run.App.ResourceNotifications;
        var retrying = notifications.WaitForResourceAsync("orders-mapping",
            e => e.Snapshot.State is { Text: var text, Style: "warning" } && text.StartsWith("Retrying: function reported 1 of 1 records failed (", StringComparison.Ordinal), cts.Token);

        var badId = $"bad-{Guid.NewGuid():N}";
        await run.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = run.Orders.LocalTableName,
            Item = new() { ["id"] = new() { S = badId }, ["customerId"] = new() { S = "c-bad" } },
        }, cts.Token);

        await retrying;
        var discarding = await notifications.WaitForResourceAsync("orders-mapping",
            e => e.Snapshot.State is { Text: "Discarding to DLQ", Style: "error" }
                && e.Snapshot.HealthReports.Any(r => r.Name == "orders-mapping_check" && r.Status == HealthStatus.Unhealthy), cts.Token);
        Assert.Contains(discarding.Snapshot.HealthReports, r => r.Description?.StartsWith("Discarding to DLQ: retry attempts exhausted (1 record)", StringComparison.Ordinal) == true);
        await notifications.WaitForResourceAsync("orders-dlq", e => e.Snapshot.State is { Text: "1 message waiting", Style: "warning" }, cts.Token);
        await AssertLoggedAsync(run.App, "orders-mapping", "discarded 1 records", cts.Token);

        // issue 16 #4: the failed-records view lists the discarded record, re-read from the stream; the message stays.
        var shown = await run.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("orders-dlq", DynamoStreamsCommands.ShowFailedRecords, cts.Token);
        Assert.True(shown.Success, shown.Message);
        Assert.Equal(CommandResultFormat.Markdown, shown.Data?.Format);
        Assert.Contains("RetryAttemptsExhausted: 1 record(s) after 3 invocation(s)", shown.Data?.Value);
        Assert.Contains(badId, shown.Data?.Value);
        Assert.Equal("1 message waiting", run.App.ResourceNotifications.TryGetCurrentState("orders-dlq", out var dlq) ? dlq.Snapshot.State?.Text : null);

        var customer = $"good-{Guid.NewGuid():N}";
        await run.PutOrderAsync($"o-{customer}", customer, 2m);
        await notifications.WaitForResourceAsync("orders-mapping",
            e => e.Snapshot.State?.Text == KnownResourceStates.Running
                && e.Snapshot.HealthReports.Any(r => r.Name == "orders-mapping_check" && r.Status == HealthStatus.Healthy), cts.Token);
        Assert.Equal(2m, await run.GetTotalAsync(customer));
    }

    private static async Task AssertLoggedAsync(DistributedApplication app, string resource, string text, CancellationToken cancellationToken)
    {
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(cancellationToken))
        {
            if (batch.Any(line => line.Content.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }
        }
    }
}
