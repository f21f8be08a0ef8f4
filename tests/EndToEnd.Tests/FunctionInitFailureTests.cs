using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EndToEnd.Tests;

/// <summary>
/// A handler that fails its init shows it (issue 16): on a real AppHost with a Node.js handler whose module throws while
/// loading (added to tests/EndToEnd.AppHost), the function's row ends, and the mapping's row turns to a warning that says the function's init failed, with its error.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class FunctionInitFailureTests : IDisposable
{
    private readonly string _code = Directory.CreateTempSubdirectory("dynamostreams-init-fails").FullName;

    public void Dispose() => Directory.Delete(_code, recursive: true);

    [Fact]
    public async Task HandlerFailsInit_FunctionRowAndMappingRowSayWhy()
    {
        // issue 16 #1: "a handler that fails init or crashes shows it on its own row"
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await File.WriteAllTextAsync(Path.Combine(_code, "index.js"), "throw new TypeError('configuration is missing');\n", cts.Token);
        // The .NET-only test AppHost, plus one pattern whose Node.js handler cannot load.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EndToEnd_AppHost>(cts.Token);
        builder.AddDynamoStreamsLambda("broken", LambdaHandler.FromNodeCode(_code)).WithEventSource(e => e.RetryAttempts = 1);
        await using var app = await builder.BuildAsync(cts.Token);
        await app.StartAsync(cts.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("broken", cts.Token);
        var emulator = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<DynamoStreamsEmulatorResource>().Single();
        using var dynamo = new AmazonDynamoDBClient(new BasicAWSCredentials("t", "t"), new AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint!.ToString(), AuthenticationRegion = emulator.Region });

        await dynamo.PutItemAsync(new PutItemRequest { TableName = "broken", Item = new() { ["id"] = new() { S = "one" } } }, cts.Token);

        // The first invocation gets the init error; the process has exited (the function's row says Finished, its console
        // log has the error), so later invocations find no instance: the mapping's row says so, and why.
        await app.ResourceNotifications.WaitForResourceAsync("broken-function", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cts.Token);
        var mapping = await app.ResourceNotifications.WaitForResourceAsync("broken-mapping",
            e => e.Snapshot.State is { Style: "warning", Text: var text } && text.EndsWith(", after function init failed", StringComparison.Ordinal), cts.Token);
        Assert.StartsWith("Throttled: no function instance took the batch (", mapping.Snapshot.State!.Text);
        Assert.Contains(mapping.Snapshot.Properties, p => p.Name == "dynamostreams.lastError" && p.Value is string error && error.Contains("configuration is missing", StringComparison.Ordinal));
    }
}
