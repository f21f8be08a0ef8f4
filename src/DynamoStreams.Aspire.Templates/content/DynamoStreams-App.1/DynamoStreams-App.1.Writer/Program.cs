using Amazon.DynamoDBv2;
using DynamoStreams_App._1.Writer;

var builder = Host.CreateApplicationBuilder(args);

// The endpoint (AWS_ENDPOINT_URL_DYNAMODB), region and credentials come from WithReference(items) in the AppHost, as
// standard AWS SDK variables: the same code runs against DynamoDB in AWS with no change.
builder.Services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
builder.Services.AddHostedService<ItemWriter>();

builder.Build().Run();
