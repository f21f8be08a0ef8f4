using Aspire.Hosting.Testing;

namespace EndToEnd.Tests;

public class SmokeTests
{
    [Fact]
    public async Task AppHost_Starts_EmulatorAndTableBecomeHealthy()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost_Sample>(cts.Token);
        await using var app = await builder.BuildAsync(cts.Token);
        await app.StartAsync(cts.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dynamostreams", cts.Token);
        await app.ResourceNotifications.WaitForResourceAsync("orders-table", "Running", cts.Token);
    }
}
