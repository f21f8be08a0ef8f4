using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace EndToEnd.Tests;

/// <summary>
/// The dashboard tells the truth (issue 16), in Debian's Chromium on a real AppHost (tests/EndToEnd.AppHost, so only
/// this test's records flow): a rejected record turns the mapping's row to its error state with the reason and the
/// DLQ's row to its depth, a good record turns the mapping back to Running, the mapping's counters are in its detail
/// pane, the DLQ's failed-records view shows the discarded record, the metrics are on the Metrics page, and the data
/// explorer edits an item whose MODIFY reaches the handler.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class DashboardFailureBrowserTests
{
    [Fact]
    public async Task Dashboard_FailingThenRecoveringHandler_RowsStatePropertiesAndMetricsShowIt()
    {
        // issue 16 "Done when": the failing row with its reason, recovery, the DLQ depth, the metrics on the Metrics page
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EndToEnd_AppHost>(
            ["--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true"],
            (options, _) =>
            {
                options.DisableDashboard = false;
                options.AllowUnsecuredTransport = true;
            },
            cts.Token);
        await using var run = await RunningAppHost.StartAsync(builder, cts.Token);
        var dashboard = await run.App.ResourceNotifications.WaitForResourceAsync("aspire-dashboard", e => e.Snapshot.State?.Text == KnownResourceStates.Running && !e.Snapshot.Urls.IsEmpty, cts.Token);
        var dashboardUrl = dashboard.Snapshot.Urls.Single(u => u.Name == "http").Url;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await page.GotoAsync(dashboardUrl, new PageGotoOptions { Timeout = 60_000 });
        try
        {
            await AssertFailureAndRecoveryAsync(run, page);
            await AssertMappingPropertiesAsync(page);
            await AssertMetricsAsync(page, dashboardUrl);
            await AssertDataExplorerAsync(run, page);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-failure-state.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "dashboard-failure-state.html"), await page.ContentAsync());
            throw;
        }
    }

    private static async Task AssertFailureAndRecoveryAsync(RunningAppHost run, IPage page)
    {
        await Assertions.Expect(Row(page, "orders-mapping")).ToContainTextAsync("Running", new() { Timeout = 60_000 });
        var badId = $"bad-{Guid.NewGuid():N}";
        await run.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = run.Orders.LocalTableName,
            Item = new() { ["id"] = new() { S = badId }, ["customerId"] = new() { S = "c-bad" } },
        });

        await Assertions.Expect(Row(page, "orders-mapping")).ToContainTextAsync("Discarding to DLQ", new() { Timeout = 60_000 });
        await Assertions.Expect(Row(page, "orders-dlq")).ToContainTextAsync("1 message waiting", new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-failing.png"), FullPage = true });

        // The failed-records view: the DLQ's command opens a dialog with the discarded record, re-read from the stream.
        await Row(page, "orders-dlq").GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
        await page.GetByText("Show failed records").First.ClickAsync();
        await Assertions.Expect(page.GetByText(badId).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-failed-records.png"), FullPage = true });
        await page.Keyboard.PressAsync("Escape");

        await run.PutOrderAsync($"good-{Guid.NewGuid():N}", "c-good", 1m);
        await Assertions.Expect(Row(page, "orders-mapping")).ToContainTextAsync("Running", new() { Timeout = 60_000 });
        await Assertions.Expect(Row(page, "orders-mapping")).Not.ToContainTextAsync("Discarding");
    }

    private static async Task AssertMappingPropertiesAsync(IPage page)
    {
        // Aspire 13's detail pane shows a resource's own properties after View options > Show all properties; the
        // mapping's health check details (shown at once) carry its counters too.
        await Row(page, "orders-mapping").Locator(".resource-name-text").ClickAsync();
        await Assertions.Expect(page.GetByText("delivered").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "View options" }).Last.ClickAsync();
        await page.GetByText("Show all properties").First.ClickAsync();

        await Assertions.Expect(page.GetByText("dynamostreams.recordsDelivered").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("dynamostreams.recordsSentToDlq").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-details.png"), FullPage = true });
    }

    private static async Task AssertMetricsAsync(IPage page, string dashboardUrl)
    {
        await page.GotoAsync(new Uri(new Uri(dashboardUrl), "/metrics/resource/dynamostreams").ToString(), new PageGotoOptions { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("dynamostreams.mapping.records.read").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("dynamostreams.mapping.records.dead_lettered").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("dynamostreams.emulator.request.duration").First).ToBeVisibleAsync();
        await page.Locator("fluent-tree-item[title=\"dynamostreams.mapping.records.read\"]").ClickAsync();
        await Assertions.Expect(page.GetByText("Stream records the mapping read from its shards.").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-metrics.png"), FullPage = true });
    }

    private static async Task AssertDataExplorerAsync(RunningAppHost run, IPage page)
    {
        // issue 16 #5: the explorer (a URL of the emulator) lists the table, shows an item, edits it through the
        // emulator's API, and the handler receives the MODIFY.
        var customer = $"explorer-{Guid.NewGuid():N}";
        await run.PutOrderAsync($"o-{customer}", customer, 2m);
        await SampleAppFixture.EventuallyAsync(async () => await run.GetTotalAsync(customer) is 2m ? "handled" : null, "the order written before the edit");
        var emulator = run.App.ResourceNotifications.TryGetCurrentState("dynamostreams", out var state) ? state.Snapshot : null;
        var explorerUrl = Assert.Single(emulator!.Urls, u => u.Name == "data explorer").Url;

        await page.GotoAsync(explorerUrl);
        await page.Locator($"nav button[data-table=\"{run.Orders.LocalTableName}\"]").ClickAsync();
        var row = page.Locator("#items tr").Filter(new() { HasText = $"o-{customer}" });
        await Assertions.Expect(row).ToContainTextAsync(customer);
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var edited = (await page.Locator("#item-editor").InputValueAsync()).Replace("\"N\": \"2\"", "\"N\": \"5\"", StringComparison.Ordinal);
        await page.Locator("#item-editor").FillAsync(edited);
        await page.Locator("#put-item").ClickAsync();

        await Assertions.Expect(page.Locator("#items tr").Filter(new() { HasText = $"o-{customer}" })).ToContainTextAsync("\"5\"");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "data-explorer.png"), FullPage = true });
        await SampleAppFixture.EventuallyAsync(async () => await run.GetTotalAsync(customer) is 5m ? "modified" : null, "the handler to apply the MODIFY made in the explorer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show shards and records" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("MODIFY");
        await page.Locator("nav button").Filter(new() { HasText = run.Orders.LocalQueueName }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("RetryAttemptsExhausted");
    }

    private static ILocator Row(IPage page, string name) =>
        page.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator(".resource-name-text", new PageLocatorOptions { HasTextRegex = new Regex($"^{name}$") }) }).First;
}
