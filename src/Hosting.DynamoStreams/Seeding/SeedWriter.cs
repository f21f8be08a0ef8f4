using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Seeding;

/// <summary>
/// Writes a pattern's seed items with <c>BatchWriteItem</c> (25 per request, unprocessed items resent), like
/// <c>aws dynamodb batch-write-item</c> would.
/// </summary>
internal static class SeedWriter
{
    private const int BatchLimit = 25;
    private const int MaxAttempts = 10;

    /// <summary>
    /// Writes the items in order.
    /// </summary>
    /// <param name="client">A client of the table's endpoint.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="logger">The table resource's logger.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when every item is written.</returns>
    /// <exception cref="InvalidOperationException">Items stayed unprocessed after repeated attempts.</exception>
    public static async Task WriteAsync(IAmazonDynamoDB client, string tableName, DynamoSeedData seed, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var chunk in seed.Items.Chunk(BatchLimit))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [tableName] = [.. chunk.Select(i => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>(i.Item, StringComparer.Ordinal))))],
            };
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                if (attempt > MaxAttempts)
                {
                    throw new InvalidOperationException($"Seeding table '{tableName}': {pending.Values.Sum(r => r.Count)} item(s) were still unprocessed after {MaxAttempts} attempts.");
                }

                BatchWriteItemResponse response;
                try
                {
                    response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken).ConfigureAwait(false);
                }
                catch (AmazonDynamoDBException ex)
                {
                    throw new InvalidOperationException($"Seeding table '{tableName}' failed in the batch starting at {chunk[0].Source}: {ex.Message}", ex);
                }

                pending = response.UnprocessedItems is { Count: > 0 } unprocessed ? unprocessed : [];
                if (pending.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        logger.LogInformation("Seeded table {Table} with {Count} item(s){Stream}.", tableName, seed.Items.Count,
            seed.ProduceStreamRecords ? ", through the stream" : ", before its stream was enabled (no stream records)");
    }
}
