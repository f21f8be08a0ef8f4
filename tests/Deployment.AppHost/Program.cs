// An AppHost for the deploy pipeline tests, run as `dotnet run` runs it in publish mode (`--operation publish --step
// deploy|destroy|publish`): a Node.js handler, so no .NET packaging, and the same publish → deploy steps as the sample.
var builder = DistributedApplication.CreateBuilder(args);

builder.AddDynamoStreamsLambda("orders", LambdaHandler.FromNodeCode("lambda"))
    .WithAwsDeployment();

builder.AddDynamoStreamsCloud();

builder.Build().Run();
