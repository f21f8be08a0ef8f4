using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// issue 14: `dotnet new dynamostreams` in a folder outside the repository gives an app that restores from the feed
/// alone and runs: the writer's referenced environment reaches the emulator and the handler gets every record.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class TemplateConsumerTests(ConsumerFixture consumer)
{
    private const int Records = 12;

    [Fact]
    public async Task NewFromTemplate_DotNetHandler_RunsAndTheHandlerGetsEveryRecord()
    {
        // A dotted name, as .NET solutions usually have: folders keep it, Projects.* and namespaces get C#-safe forms.
        var app = Path.Combine(consumer.WorkDirectory, "Shop.Orders");
        (await consumer.DotnetNewAsync(["dynamostreams", "-n", "Shop.Orders", "-o", app])).EnsureSuccess();
        Assert.True(File.Exists(Path.Combine(app, "Shop.Orders.Handler", "Shop.Orders.Handler.csproj")));
        Assert.Contains($"Version=\"{consumer.Version}\"", await File.ReadAllTextAsync(Path.Combine(app, "Shop.Orders.AppHost", "Shop.Orders.AppHost.csproj")));

        (await consumer.DotnetAsync(["build", Path.Combine(app, "Shop.Orders.slnx"), "-nologo"], app, TimeSpan.FromMinutes(8))).EnsureSuccess();
        var probe = ProbeProject.Write(Path.Combine(consumer.WorkDirectory, "ShopOrdersProbe"), Path.Combine(app, "Shop.Orders.AppHost", "Shop.Orders.AppHost.csproj"), "Shop_Orders_AppHost");
        var run = await consumer.DotnetAsync(["run", "--project", probe, "--", "items", $"{Records}"], consumer.WorkDirectory, TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"{ProbeProject.Success} {Records} of {Records} records reached items-function", run.Output);
    }

    [Fact]
    public async Task NewFromTemplate_NodeHandlerWithoutCloud_BuildsWithoutAHandlerProjectOrTheCdkPackage()
    {
        var app = Path.Combine(consumer.WorkDirectory, "node-shop");
        (await consumer.DotnetNewAsync(["dynamostreams", "-n", "node-shop", "-o", app, "--handler", "node", "--cloud", "false"])).EnsureSuccess();

        Assert.True(File.Exists(Path.Combine(app, "node-shop.AppHost", "handler", "index.js")));
        Assert.False(Directory.Exists(Path.Combine(app, "node-shop.Handler")));
        var appHost = await File.ReadAllTextAsync(Path.Combine(app, "node-shop.AppHost", "node-shop.AppHost.csproj"));
        Assert.DoesNotContain("DynamoStreams.Aspire.Hosting.Cdk", appHost);
        Assert.Contains("LambdaHandler.FromNodeCode(\"handler\")", await File.ReadAllTextAsync(Path.Combine(app, "node-shop.AppHost", "AppHost.cs")));
        (await consumer.DotnetAsync(["build", Path.Combine(app, "node-shop.slnx"), "-nologo"], app, TimeSpan.FromMinutes(8))).EnsureSuccess();
    }
}
