var builder = DistributedApplication.CreateBuilder(args);

builder.AddDynamoStreamsLambda<Projects.Handler_Sample>("orders")
    .WithEventSource(e => e.ReportBatchItemFailures = true);

builder.Build().Run();
