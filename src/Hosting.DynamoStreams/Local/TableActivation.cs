using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Waits, as any DynamoDB client must, until a table and its global secondary indexes are ACTIVE: DynamoDB (and the
/// emulator) answer CreateTable with CREATING and reject item operations with ResourceNotFoundException until then.
/// </summary>
internal static class TableActivation
{
    /// <summary>Gets how long a table may take to become ACTIVE before provisioning fails.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls DescribeTable until the table and every global secondary index are ACTIVE.</summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="timeout">How long to wait before failing.</param>
    /// <param name="timeProvider">The clock for the polling delay and the deadline.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The ACTIVE table's description.</returns>
    /// <exception cref="TimeoutException">The table or an index was not ACTIVE in time; the message names both statuses.</exception>
    public static async Task<TableDescription> WaitUntilActiveAsync(IAmazonDynamoDB client, string tableName, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            var table = (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false)).Table;
            var pending = Pending(table);
            if (pending is null)
            {
                return table;
            }

            if (timeProvider.GetElapsedTime(started) >= timeout)
            {
                throw new TimeoutException($"Table '{tableName}' was not ACTIVE after {timeout.TotalSeconds:0} s ({pending}); check that the DynamoDB endpoint is healthy.");
            }

            await Task.Delay(s_pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Pending(TableDescription table)
    {
        if (table.TableStatus != TableStatus.ACTIVE)
        {
            return "table status " + table.TableStatus;
        }

        var index = table.GlobalSecondaryIndexes?.FirstOrDefault(g => g.IndexStatus != IndexStatus.ACTIVE);
        return index is null ? null : $"index '{index.IndexName}' status {index.IndexStatus}";
    }
}
