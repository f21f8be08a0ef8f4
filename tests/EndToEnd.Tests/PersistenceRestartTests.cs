using Amazon.DynamoDBv2.Model;

namespace EndToEnd.Tests;

[Collection(IsolatedCollection.Name)]
public sealed class PersistenceRestartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dynamostreams-restart").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException ex)
        {
            throw new IOException(ex.Message + " contents: " + string.Join(", ", Directory.EnumerateFileSystemEntries(_dataDirectory, "*", SearchOption.AllDirectories)), ex);
        }
    }

    [Fact]
    public async Task Restart_WithDataDirectory_KeepsItemsAndResumesTheMappingFromItsCheckpoint()
    {
        // issue 7 opt-in (persistence) + DESIGN "checkpoints that survive restarts"; spec B.4 (checkpoint after a
        // successful batch): handled records are not delivered again, new ones are
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        string[] args = [$"--DataDirectory={_dataDirectory}"];
        var customer = $"restart-{Guid.NewGuid():N}";
        var fence = $"fence-{Guid.NewGuid():N}";

        await using (var first = await RunningAppHost.StartAsync(args, cts.Token))
        {
            await first.PutOrderAsync($"a-{customer}", customer, 5m);
            await SampleAppFixture.EventuallyAsync(async () => await first.GetTotalAsync(customer) is 5m ? "handled" : null, "the first order to be handled");

            // A later batch on the same shard runs only after the first one is checkpointed; the fence's own batch may
            // be in flight at the stop (at-least-once), so it uses another customer.
            await first.PutOrderAsync($"f-{fence}", fence, 1m);
            await SampleAppFixture.EventuallyAsync(async () => await first.GetTotalAsync(fence) is not null ? "handled" : null, "the fence order to be handled");
        }

        await using var second = await RunningAppHost.StartAsync(args, cts.Token);
        var kept = await second.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = second.Orders.LocalTableName,
            Key = new() { ["id"] = new() { S = $"a-{customer}" } },
            ConsistentRead = true,
        });
        Assert.Equal("5", kept.Item["amount"].N);
        Assert.Equal(5m, await second.GetTotalAsync(customer));

        // Re-delivering the first order would come before this one on the shard and make the total 17, never 12.
        await second.PutOrderAsync($"b-{customer}", customer, 7m);
        var total = await SampleAppFixture.EventuallyAsync(async () => await second.GetTotalAsync(customer) is { } t && t != 5m ? (object)t : null, "the order written after the restart to be handled");
        Assert.Equal(12m, total);
    }
}
