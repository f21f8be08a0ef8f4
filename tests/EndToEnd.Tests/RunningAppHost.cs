using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EndToEnd.Tests;

/// <summary>
/// Starts the .NET-only test AppHost (tests/EndToEnd.AppHost) in this process, waits until its pattern is healthy and
/// gives a client of its emulator; disposing stops it as Ctrl+C would.
/// </summary>
internal sealed class RunningAppHost : IAsyncDisposable
{
    public const string TotalsTable = "customer-totals";

    private RunningAppHost(DistributedApplication app, AmazonDynamoDBClient dynamoDb, DynamoStreamsLambdaResource orders)
    {
        App = app;
        DynamoDb = dynamoDb;
        Orders = orders;
    }

    public DistributedApplication App { get; }

    public AmazonDynamoDBClient DynamoDb { get; }

    public DynamoStreamsLambdaResource Orders { get; }

    public static async Task<RunningAppHost> StartAsync(string[] args, CancellationToken cancellationToken) =>
        await StartAsync(await DistributedApplicationTestingBuilder.CreateAsync<Projects.EndToEnd_AppHost>(args, cancellationToken), cancellationToken);

    public static async Task<RunningAppHost> StartAsync(IDistributedApplicationTestingBuilder builder, CancellationToken cancellationToken)
    {
        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("orders", cancellationToken);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var emulator = model.Resources.OfType<DynamoStreamsEmulatorResource>().Single();
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = emulator.Endpoint!.ToString(), AuthenticationRegion = emulator.Region });
        var run = new RunningAppHost(app, client, model.Resources.OfType<DynamoStreamsLambdaResource>().Single(r => r.Name == "orders"));
        await run.EnsureTotalsTableAsync(cancellationToken);
        return run;
    }

    public Task PutOrderAsync(string id, string customer, decimal amount) =>
        DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = Orders.LocalTableName,
            Item = new()
            {
                ["id"] = new() { S = id },
                ["customerId"] = new() { S = customer },
                ["amount"] = new() { N = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
        });

    /// <summary>Reads a customer's total as the handler wrote it, or null before the handler has seen the customer.</summary>
    public async Task<decimal?> GetTotalAsync(string customer)
    {
        var response = await DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TotalsTable,
            Key = new() { ["customerId"] = new() { S = customer } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item && item.TryGetValue("totalAmount", out var amount)
            ? decimal.Parse(amount.N, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private async Task EnsureTotalsTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = TotalsTable,
                KeySchema = [new KeySchemaElement("customerId", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("customerId", ScalarAttributeType.S)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            }, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Kept by the data directory from the previous run.
        }

        // CreateTable answers CREATING; item operations fail until the table is ACTIVE.
        while ((await DynamoDb.DescribeTableAsync(TotalsTable, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
