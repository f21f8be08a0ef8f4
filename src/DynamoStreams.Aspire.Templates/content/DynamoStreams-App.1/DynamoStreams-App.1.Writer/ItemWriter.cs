using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DynamoStreams_App._1.Writer;

/// <summary>Puts a few items into the pattern's table so the handler has stream records to handle.</summary>
internal sealed class ItemWriter(IAmazonDynamoDB dynamo, IConfiguration configuration, ILogger<ItemWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var table = configuration["DynamoStreams:items:TableName"]
            ?? throw new InvalidOperationException("DynamoStreams:items:TableName is not set: reference the 'items' pattern with WithReference(items) in the AppHost.");
        var count = configuration.GetValue("Writer:Count", 5);
        for (var n = 1; n <= count; n++)
        {
            var id = $"item-{n:D3}";
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new() { S = id },
                    ["createdAt"] = new() { S = DateTimeOffset.UtcNow.ToString("O") },
                },
            }, stoppingToken);
            logger.LogInformation("Wrote {Id} to {Table}.", id, table);
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }

        logger.LogInformation("Wrote {Count} items. Write more from the dashboard (the table's 'Write test item' command) or with the AWS SDK.", count);
    }
}
