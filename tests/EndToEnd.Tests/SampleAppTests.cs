using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace EndToEnd.Tests;

[Collection(SampleAppCollection.Name)]
public class SampleAppTests(SampleAppFixture fixture)
{
    private const string TotalsTable = "customer-totals";

    [Fact]
    public async Task Start_SampleAppHost_EveryPartRunsAndIsHealthy()
    {
        // issue 7: emulator, table, queue, mapping, function and pattern reach Running; WaitFor relies on health
        using var cts = new CancellationTokenSource(SampleAppFixture.Timeout);
        var notifications = fixture.App.ResourceNotifications;
        await notifications.WaitForResourceHealthyAsync("dynamostreams", cts.Token);
        await notifications.WaitForResourceHealthyAsync("audit", cts.Token);
        foreach (var name in new[] { "orders-table", "audit-mapping", "audit-dlq", "lambda-runtime", "orders-function", "audit-function", "writer" })
        {
            await notifications.WaitForResourceAsync(name, KnownResourceStates.Running, cts.Token);
        }

        // The writer's malformed order shows on these two (issue 16): "Retrying: …" / "1 message waiting" are up too.
        foreach (var name in new[] { "orders-dlq", "orders-mapping" })
        {
            await notifications.WaitForResourceAsync(name, e => e.Snapshot.State is { Text: var text, Style: var style }
                && (text == KnownResourceStates.Running || (style is "warning" or "error" && text != "Provisioning failed")), cts.Token);
        }
    }

    [Fact]
    public async Task PutItem_Order_HandlerAddsItToTheCustomerTotal()
    {
        // spec B.3/B.4: the write flows stream -> mapping -> Runtime API -> the real handler process, which updates totals
        var customer = $"e2e-{Guid.NewGuid():N}";
        await fixture.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = fixture.Orders.LocalTableName,
            Item = new()
            {
                ["id"] = new() { S = $"order-{customer}" },
                ["customerId"] = new() { S = customer },
                ["amount"] = new() { N = "42.5" },
            },
        });

        var total = await SampleAppFixture.EventuallyAsync(async () =>
        {
            var item = await GetTotalAsync(customer);
            return item is not null && item.TryGetValue("totalAmount", out var amount) ? amount.N : null;
        }, $"the handler to write the total of {customer}");

        Assert.Equal(42.5m, decimal.Parse(total, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PutItem_MalformedOrder_ReachesTheDeadLetterQueueAndLaterOrdersFlow()
    {
        // spec B.4 (batch item failure), B.5 (retries exhausted), B.6 (OnFailure message in the DLQ)
        var customer = $"e2e-{Guid.NewGuid():N}";
        await fixture.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = fixture.Orders.LocalTableName,
            Item = new() { ["id"] = new() { S = $"bad-{customer}" }, ["customerId"] = new() { S = customer } },
        });

        var queueUrl = (await fixture.Sqs.GetQueueUrlAsync(fixture.Orders.LocalQueueName)).QueueUrl;
        var body = await SampleAppFixture.EventuallyAsync(async () =>
        {
            var received = await fixture.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, VisibilityTimeout = 0 });
            return received.Messages?.Select(m => m.Body).FirstOrDefault(b => b.Contains("RetryAttemptsExhausted", StringComparison.Ordinal));
        }, "an OnFailure message in the dead-letter queue");
        Assert.Contains("\"DDBStreamBatchInfo\"", body);
        Assert.Contains(fixture.Orders.LocalTableName, body);

        await fixture.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = fixture.Orders.LocalTableName,
            Item = new() { ["id"] = new() { S = $"good-{customer}" }, ["customerId"] = new() { S = customer }, ["amount"] = new() { N = "7" } },
        });
        await SampleAppFixture.EventuallyAsync(async () => await GetTotalAsync(customer), "the order after the poison record to be processed");
    }

    [Fact]
    public async Task Commands_DisableThenEnableMapping_DeliversWritesMadeWhilePaused()
    {
        // spec B.8 #5 through the dashboard commands (ResourceCommandService), and the write-test-item command
        using var cts = new CancellationTokenSource(SampleAppFixture.Timeout);
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();
        var disabled = await commands.ExecuteCommandAsync("orders-mapping", DynamoStreamsCommands.DisableMapping, cts.Token);
        Assert.True(disabled.Success, disabled.Message);
        await fixture.App.ResourceNotifications.WaitForResourceAsync("orders-mapping", "Disabled", cts.Token);

        var customer = $"e2e-{Guid.NewGuid():N}";
        await fixture.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = fixture.Orders.LocalTableName,
            Item = new() { ["id"] = new() { S = $"paused-{customer}" }, ["customerId"] = new() { S = customer }, ["amount"] = new() { N = "3" } },
        });
        Assert.Null(await GetTotalAsync(customer));

        var enabled = await commands.ExecuteCommandAsync("orders-mapping", DynamoStreamsCommands.EnableMapping, cts.Token);
        Assert.True(enabled.Success, enabled.Message);
        await fixture.App.ResourceNotifications.WaitForResourceAsync("orders-mapping", KnownResourceStates.Running, cts.Token);
        await SampleAppFixture.EventuallyAsync(async () => await GetTotalAsync(customer), "the write made while paused to be delivered after enabling");

        var before = (await fixture.DynamoDb.ScanAsync(new ScanRequest { TableName = fixture.Orders.LocalTableName, Select = Amazon.DynamoDBv2.Select.COUNT })).Count;
        var written = await commands.ExecuteCommandAsync("orders-table", DynamoStreamsCommands.WriteTestItem, cts.Token);
        Assert.True(written.Success, written.Message);
        var after = (await fixture.DynamoDb.ScanAsync(new ScanRequest { TableName = fixture.Orders.LocalTableName, Select = Amazon.DynamoDBv2.Select.COUNT })).Count;
        Assert.True(after > before, $"the test item should be in the table ({before} -> {after})");
    }

    private async Task<Dictionary<string, AttributeValue>?> GetTotalAsync(string customer)
    {
        try
        {
            var response = await fixture.DynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = TotalsTable,
                Key = new() { ["customerId"] = new() { S = customer } },
                ConsistentRead = true,
            });
            return response.Item is { Count: > 0 } item ? item : null;
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return null;
        }
    }
}
