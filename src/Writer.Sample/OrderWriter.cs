using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Writer.Sample;

/// <summary>
/// Writes orders into the pattern's table so the handler has work: each write is a span, and its stream record
/// carries the trace to the handler's invocation. One malformed order (no amount) shows partial batch failure and the DLQ.
/// </summary>
/// <param name="dynamo">The DynamoDB client (pointed at the emulator by the AppHost).</param>
/// <param name="options">The writer options.</param>
/// <param name="logger">The logger.</param>
internal sealed class OrderWriter(IAmazonDynamoDB dynamo, OrderWriterOptions options, ILogger<OrderWriter> logger) : BackgroundService
{
    /// <summary>The writer's activity source.</summary>
    public const string ActivitySourceName = "Writer.Sample";

    private static readonly ActivitySource s_source = new(ActivitySourceName);
    private static readonly string[] s_customers = ["c-ada", "c-grace", "c-linus"];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureTotalsTableAsync(stoppingToken).ConfigureAwait(false);
        for (var n = 1; options.Count == 0 || n <= options.Count; n++)
        {
            await WriteOrderAsync(n, stoppingToken).ConfigureAwait(false);
            if (n == options.PoisonAfter)
            {
                await WritePoisonAsync(stoppingToken).ConfigureAwait(false);
            }

            await Task.Delay(options.Interval, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task WriteOrderAsync(int n, CancellationToken cancellationToken)
    {
        using var activity = s_source.StartActivity("write order");
        var id = $"order-{n:D5}";
        var customer = s_customers[n % s_customers.Length];
        var amount = 10 + (n * 7 % 90);
        activity?.SetTag("order.id", id);
        await dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = options.OrdersTable,
            Item = new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = id },
                ["customerId"] = new() { S = customer },
                ["amount"] = new() { N = amount.ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Wrote {Order} for {Customer}: {Amount}.", id, customer, amount);
    }

    private async Task WritePoisonAsync(CancellationToken cancellationToken)
    {
        using var activity = s_source.StartActivity("write malformed order");
        await dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = options.OrdersTable,
            Item = new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = "order-malformed" },
                ["customerId"] = new() { S = "c-ada" },
                ["note"] = new() { S = "no amount: the handler reports it as a batch item failure; after the retries it lands in the DLQ" },
            },
        }, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Wrote the malformed order 'order-malformed' (no amount) to demonstrate partial batch failure and the dead-letter queue.");
    }

    private async Task EnsureTotalsTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.CreateTableAsync(new CreateTableRequest
            {
                TableName = options.TotalsTable,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [new KeySchemaElement("customerId", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("customerId", ScalarAttributeType.S)],
            }, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Created the totals table {Table}.", options.TotalsTable);
        }
        catch (ResourceInUseException)
        {
            logger.LogInformation("The totals table {Table} exists.", options.TotalsTable);
        }

        // CreateTable answers CREATING, and DynamoDB rejects item writes until the table is ACTIVE.
        while ((await dynamo.DescribeTableAsync(options.TotalsTable, cancellationToken).ConfigureAwait(false)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }
}
