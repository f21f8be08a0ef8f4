// A .NET-only AppHost (no Node.js handler) for the end-to-end tests: the restart test passes --DataDirectory <folder>.
var builder = DistributedApplication.CreateBuilder(args);

var orders = builder.AddDynamoStreamsLambda<Projects.Handler_Sample>("orders")
    .WithEventSource(e =>
    {
        e.ReportBatchItemFailures = true;
        e.RetryAttempts = 2;
        e.BatchSize = 10;
    })
    .WithFunctionEnvironment("TOTALS_TABLE_NAME", "customer-totals");

if (builder.Configuration["DataDirectory"] is { Length: > 0 } dataDirectory)
{
    orders.WithDataDirectory(dataDirectory);
}

builder.Build().Run();
