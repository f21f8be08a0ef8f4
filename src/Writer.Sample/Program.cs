using Amazon.DynamoDBv2;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Writer.Sample;

var builder = Host.CreateApplicationBuilder(args);

// AWS_ENDPOINT_URL_DYNAMODB, the region, credentials and DynamoStreams:orders:TableName come from WithReference(orders).
builder.Services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
builder.Services.AddSingleton(sp => OrderWriterOptions.From(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddHostedService<OrderWriter>();

if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    builder.Services.AddOpenTelemetry()
        .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "writer"))
        .WithTracing(t => t.AddSource(OrderWriter.ActivitySourceName, "System.Net.Http").AddOtlpExporter());
}

builder.Build().Run();
