using Amazon.DynamoDBv2.Model;

var builder = DistributedApplication.CreateBuilder(args);

// The pattern: a table with a stream, the .NET handler (order totals) and the mapping, with the seed's defaults
// (TRIM_HORIZON, bisect on error, 24 h record age, batch size 100, SQS dead-letter queue), except:
// partial batch responses on, and 2 retries so the malformed order reaches the DLQ within seconds.
var orders = builder.AddDynamoStreamsLambda<Projects.Handler_Sample>("orders")
    .WithEventSource(e =>
    {
        e.ReportBatchItemFailures = true;
        e.RetryAttempts = 2;
        e.BatchSize = 10;
    })
    .WithFunctionEnvironment("TOTALS_TABLE_NAME", "customer-totals")
    // One order in the table from the start (not streamed: the totals table does not exist yet). It also shapes the
    // table's "Write test item" command: each test item is this order with a fresh id, so the handler accepts it.
    .WithSeedData([new Dictionary<string, AttributeValue>
    {
        ["id"] = new() { S = "order-seed" }, ["customerId"] = new() { S = "customer-seed" }, ["amount"] = new() { N = "10" },
    }], produceStreamRecords: false);

// The seed's own example in Node.js (a code folder with index.handler), consuming the same stream with its own mapping.
builder.AddDynamoStreamsLambda("audit", LambdaHandler.FromNodeCode("lambda"))
    .WithExistingTable(orders);

// Writes orders (and one malformed order) through the AWS SDK; endpoints and the table name come from WithReference.
builder.AddProject<Projects.Writer_Sample>("writer")
    .WithReference(orders)
    .WithEnvironment("TOTALS_TABLE_NAME", "customer-totals")
    .WaitFor(orders);

// Publish opt-in: `aspire publish -o cdk.out` writes the CDK cloud assembly (one stack per pattern) for `cdk deploy --app cdk.out`.
builder.AddDynamoStreamsCloud();

builder.Build().Run();
