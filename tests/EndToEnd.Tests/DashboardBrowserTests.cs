using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EndToEnd.Tests;

public class DashboardBrowserTests
{
    /// <summary>Set to <c>1</c> to refresh <c>docs/dashboard.png</c> from the page this test drives.</summary>
    public const string RefreshScreenshotVariable = "DYNAMOSTREAMS_REFRESH_SCREENSHOT";

    [Fact]
    public async Task Dashboard_SampleAppHost_ShowsTheResourceTreeRunningAndExecutesACommand()
    {
        // issue 7: the real dashboard in Debian's Chromium: the resource tree with healthy states, one command from the page
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost_Sample>(
            [
                "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
            ],
            (options, _) =>
            {
                options.DisableDashboard = false;
                options.AllowUnsecuredTransport = true;
            },
            cts.Token);
        await using var app = await builder.BuildAsync(cts.Token);
        await app.StartAsync(cts.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("orders", cts.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("audit", cts.Token);
        await app.ResourceNotifications.WaitForResourceAsync("orders-table", KnownResourceStates.Running, cts.Token);
        var dashboard = await app.ResourceNotifications.WaitForResourceAsync("aspire-dashboard", e => e.Snapshot.State?.Text == KnownResourceStates.Running && !e.Snapshot.Urls.IsEmpty, cts.Token);
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
            await AssertTreeAndRunCommandAsync(app, page);
        }
        catch
        {
            // Keep what the page showed, next to the test assembly, for the CI log.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-failure.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "dashboard-failure.html"), await page.ContentAsync());
            throw;
        }
    }

    private static async Task AssertTreeAndRunCommandAsync(DistributedApplication app, IPage page)
    {
        foreach (var name in new[] { "orders", "orders-table", "orders-mapping", "orders-dlq", "orders-function", "audit", "audit-mapping", "audit-function", "dynamostreams", "lambda-runtime" })
        {
            var row = page.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator(".resource-name-text", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{name}$") }) });
            // The writer's malformed order (issue 16): the mapping shows its retries and discard, the queue its depth.
            var running = name switch
            {
                "orders-mapping" => new System.Text.RegularExpressions.Regex("Running|Retrying|Bisecting|Discarding"),
                "orders-dlq" => new System.Text.RegularExpressions.Regex("Running|messages? waiting"),
                _ => new System.Text.RegularExpressions.Regex("Running"),
            };
            await Assertions.Expect(row.First).ToContainTextAsync(running, new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        }

        // The screenshot shows the writer's malformed order parked in the DLQ (issue 16: its depth is on the page).
        var dlqRow = page.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator(".resource-name-text", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^orders-dlq$") }) });
        await Assertions.Expect(dlqRow.First).ToContainTextAsync("1 message waiting", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });

        // Into the test output on every run; into docs/ only when asked, so a test run leaves the tree clean.
        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        if (Environment.GetEnvironmentVariable(RefreshScreenshotVariable) == "1")
        {
            File.Copy(screenshot, Path.Combine(RepoRoot(), "docs", "dashboard.png"), overwrite: true);
        }

        var tableName = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<DynamoStreamsLambdaResource>().Single(r => r.Name == "orders").LocalTableName;
        var emulator = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<DynamoStreamsEmulatorResource>().Single();
        using var dynamo = new Amazon.DynamoDBv2.AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("t", "t"), new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint!.ToString(), AuthenticationRegion = emulator.Region });
        var before = await CountTestItemsAsync(dynamo, tableName);

        // "Write test item" is a highlighted command: the dashboard shows it as a button in the table's row.
        var tableRow = page.Locator("tr").Filter(new LocatorFilterOptions { HasText = "orders-table" }).First;
        await tableRow.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Put one item into the table" }).ClickAsync(new LocatorClickOptions { Timeout = 30_000 });

        await SampleAppFixture.EventuallyAsync(async () => await CountTestItemsAsync(dynamo, tableName) > before ? "written" : null, "the test item written from the dashboard page");
    }

    private static async Task<int> CountTestItemsAsync(Amazon.DynamoDBv2.IAmazonDynamoDB dynamo, string table)
    {
        var scan = await dynamo.ScanAsync(new ScanRequest
        {
            TableName = table,
            Select = Amazon.DynamoDBv2.Select.COUNT,
            FilterExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "source" },
            ExpressionAttributeValues = new() { [":s"] = new AttributeValue { S = "aspire-dashboard" } },
        });
        return scan.Count ?? 0;
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aspire.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Aspire.sln not found.");
    }
}
