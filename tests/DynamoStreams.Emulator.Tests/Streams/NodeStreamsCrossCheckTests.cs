using System.Diagnostics;
using System.Text.Json;

namespace DynamoStreams.Emulator.Tests.Streams;

public sealed class NodeStreamsCrossCheckTests(StreamsFixture fixture) : IClassFixture<StreamsFixture>
{
    [Fact]
    public async Task JavaScriptStreamsClient_ReadsTheSameRecordsAndErrors()
    {
        // spec A.5, A.7 #1, #3, #15 through an independent client: @aws-sdk/client-dynamodb-streams
        var (table, arn) = await fixture.CreateTableAsync();
        await fixture.DynamoDb.PutItemAsync(table, new() { ["id"] = new() { S = "a" }, ["v"] = new() { S = "1" } });
        await fixture.DynamoDb.PutItemAsync(table, new() { ["id"] = new() { S = "a" }, ["v"] = new() { S = "2" } });
        await fixture.DynamoDb.DeleteItemAsync(table, new() { ["id"] = new() { S = "a" } });

        using var result = JsonDocument.Parse(await RunNodeAsync(fixture.Emulator.Endpoint.ToString(), arn));
        var root = result.RootElement;
        var records = root.GetProperty("records").EnumerateArray().ToList();

        Assert.Contains(arn, root.GetProperty("listed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("ENABLED", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("shardOpen").GetBoolean());
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(r => r.GetProperty("eventName").GetString()));
        Assert.All(records, r => Assert.Equal("aws:dynamodb", r.GetProperty("eventSource").GetString()));
        Assert.All(records, r => Assert.True(r.GetProperty("created").GetBoolean()));
        Assert.Equal([(true, false), (true, true), (false, true)],
            records.Select(r => (r.GetProperty("hasNew").GetBoolean(), r.GetProperty("hasOld").GetBoolean())));
        Assert.True(root.GetProperty("hasNext").GetBoolean());
        Assert.Equal("ResourceNotFoundException", root.GetProperty("missing").GetProperty("name").GetString());
        Assert.Equal(400, root.GetProperty("missing").GetProperty("status").GetInt32());
    }

    private static async Task<string> RunNodeAsync(string endpoint, string streamArn)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "tests", "node")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, "tests/node not found above the test output folder");
        var modules = Path.Combine(root!.FullName, "tests", "node", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "@aws-sdk", "client-dynamodb-streams")),
            "Run 'npm ci' in tests/node to install @aws-sdk/client-dynamodb-streams (CI does).");
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(root.FullName, "tests", "DynamoStreams.Emulator.Tests", "Streams", "streams-crosscheck.cjs"));
        info.ArgumentList.Add(endpoint);
        info.ArgumentList.Add(streamArn);
        info.Environment["NODE_PATH"] = modules;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, "node failed: " + await error);
        return await output;
    }
}
