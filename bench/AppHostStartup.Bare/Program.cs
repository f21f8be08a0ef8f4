// The baseline: one project resource, nothing of DynamoStreams in the AppHost.
var builder = DistributedApplication.CreateBuilder(args);

builder.AddProject<Projects.DynamoStreams_Emulator>("app")
    .WithArgs("--port", "0");

builder.Build().Run();
