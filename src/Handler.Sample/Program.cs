using Amazon.DynamoDBv2;
using DynamoStreams.Lambda;
using Handler.Sample.Orders;

// Everything that can fail at start-up runs inside the initializer, so a missing setting is reported to Lambda as an
// init error (the first invocation fails with it) instead of a silent crash.
return await LambdaRuntime.RunAsync(_ =>
{
    var table = Environment.GetEnvironmentVariable("TOTALS_TABLE_NAME");
    if (string.IsNullOrWhiteSpace(table))
    {
        throw new InvalidOperationException("TOTALS_TABLE_NAME is not set: set it to the name of the customer totals table (partition key 'customerId', type S).");
    }

    // Region, credentials and endpoint (AWS_ENDPOINT_URL_DYNAMODB locally) come from the standard AWS variables.
    var handler = new OrderTotalsHandler(new DynamoDBCustomerTotals(new AmazonDynamoDBClient(), table));
    return Task.FromResult(LambdaHandler.ForDynamoDBStream(handler.HandleAsync));
});
