using DynamoStreams.Lambda;
using DynamoStreams.LocalLambda.EsmTestFunction;

// Typed stream handler for the event-source-mapping tests: see StreamBehaviour for what it does with a batch.
return await LambdaRuntime.RunAsync(LambdaHandler.ForDynamoDBStream(StreamBehaviour.HandleAsync));
