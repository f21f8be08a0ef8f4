var builder = DistributedApplication.CreateBuilder(args);

// A DynamoDB table with a stream (NEW_AND_OLD_IMAGES), a Lambda function and the event-source mapping between them,
// with the AWS Solutions Construct's defaults (TRIM_HORIZON, bisect on error, retries, record age, an SQS dead-letter
// queue). Locally: the embedded emulator and the handler as a real process; in AWS: the same declaration as a CDK stack.
//#if (DotNetHandler)
var items = builder.AddDynamoStreamsLambda<Projects.PROJECTS_CLASS_PREFIX_Handler>("items")
    .WithEventSource(e => e.ReportBatchItemFailures = true);
//#else
// The handler is index.handler in the 'handler' folder, run locally by Node.js and declared as nodejs24.x (the default runtime) for AWS.
var items = builder.AddDynamoStreamsLambda("items", LambdaHandler.FromNodeCode("handler"))
    .WithEventSource(e => e.ReportBatchItemFailures = true);
//#endif

// WithReference gives the writer the endpoints (AWS_ENDPOINT_URL_DYNAMODB, _STREAMS, _SQS), region and credentials,
// and DynamoStreams:items:TableName / StreamArn / DeadLetterQueueUrl.
builder.AddProject<Projects.PROJECTS_CLASS_PREFIX_Writer>("writer")
    .WithReference(items)
    .WaitFor(items);
//#if (cloud)

// `aspire publish -o cdk.out` writes the CDK cloud assembly (one stack per pattern) for `cdk deploy --app cdk.out --all`.
builder.AddDynamoStreamsCloud();
//#endif

builder.Build().Run();
