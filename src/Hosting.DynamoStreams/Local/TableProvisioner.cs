using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using Aspire.Hosting.DynamoStreams.Seeding;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Creates a pattern's table in the emulator from the declaration, through the AWS SDK like any client; a table that
/// already exists (persistent data) is kept as is. Returns only once the table and its indexes are ACTIVE, so the
/// seed, the mapping and the function never meet a CREATING table.
/// </summary>
internal static class TableProvisioner
{
    /// <summary>
    /// Creates the table (or finds it), writes the seed into a new table, enables time to live, and returns its identifiers.
    /// </summary>
    /// <param name="client">A client of the emulator.</param>
    /// <param name="pattern">The pattern that owns the table.</param>
    /// <param name="logger">The table resource's logger.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <param name="activationTimeout">How long the table may stay CREATING or UPDATING; <see langword="null"/> for <see cref="TableActivation.DefaultTimeout"/>.</param>
    /// <param name="timeProvider">The clock of the wait for ACTIVE; <see langword="null"/> for the system clock.</param>
    /// <returns>The table name, ARN and stream ARN.</returns>
    /// <exception cref="TimeoutException">The table did not become ACTIVE in time.</exception>
    public static async Task<LocalTableInfo> EnsureAsync(IAmazonDynamoDB client, DynamoStreamsLambdaResource pattern, ILogger logger, CancellationToken cancellationToken,
        TimeSpan? activationTimeout = null, TimeProvider? timeProvider = null)
    {
        var timeout = activationTimeout ?? TableActivation.DefaultTimeout;
        var clock = timeProvider ?? TimeProvider.System;
        var request = BuildRequest(pattern);
        var seed = pattern.SeedData is { Items.Count: > 0 } s ? s : null;
        var streamSpecification = request.StreamSpecification;
        if (seed is { ProduceStreamRecords: false })
        {
            // The stream is enabled after the seed is written, so the seed produces no records (as in DynamoDB).
            request.StreamSpecification = null;
        }

        TableDescription table;
        try
        {
            table = (await client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false)).TableDescription;
            table = await TableActivation.WaitUntilActiveAsync(client, table.TableName, timeout, clock, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Created table {Table}.", table.TableName);
            if (seed is not null)
            {
                await SeedWriter.WriteAsync(client, table.TableName, seed, logger, cancellationToken).ConfigureAwait(false);
            }

            if (request.StreamSpecification is null)
            {
                await client.UpdateTableAsync(new UpdateTableRequest { TableName = table.TableName, StreamSpecification = streamSpecification }, cancellationToken).ConfigureAwait(false);
                table = await TableActivation.WaitUntilActiveAsync(client, table.TableName, timeout, clock, cancellationToken).ConfigureAwait(false);
            }

            logger.LogInformation("Table {Table} streams to {Stream}.", table.TableName, table.LatestStreamArn);
        }
        catch (ResourceInUseException)
        {
            table = await TableActivation.WaitUntilActiveAsync(client, request.TableName, timeout, clock, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Table {Table} already exists (persistent data); keeping it and its stream {Stream}{Seed}.", table.TableName, table.LatestStreamArn,
                seed is null ? string.Empty : "; the seed was loaded when it was created and is not loaded again");
        }

        if (pattern.ExistingTable is null && pattern.Table.TimeToLiveAttribute is { } ttl)
        {
            await EnableTimeToLiveAsync(client, table.TableName, ttl, logger, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(table.LatestStreamArn))
        {
            throw new InvalidOperationException($"The emulator created table '{table.TableName}' without a stream; the mapping has nothing to read.");
        }

        return new LocalTableInfo(table.TableName, table.TableArn, table.LatestStreamArn);
    }

    /// <summary>
    /// Builds the CreateTable request of a pattern's table (or of the local stand-in for a table in AWS).
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The request.</returns>
    public static CreateTableRequest BuildRequest(DynamoStreamsLambdaResource pattern)
    {
        var t = pattern.Table;
        var existing = pattern.ExistingTable;
        var partitionKey = existing?.LocalPartitionKey ?? t.PartitionKey;
        var sortKey = existing is null ? t.SortKey : existing.LocalSortKey;
        var attributes = new Dictionary<string, DynamoAttribute>(StringComparer.Ordinal);
        void Add(DynamoAttribute? a)
        {
            if (a is not null)
            {
                attributes[a.Name] = a;
            }
        }

        Add(partitionKey);
        Add(sortKey);
        // An existing table is stood in for locally with the seed's table: on demand, both images.
        var billing = existing is null ? t.BillingMode : DynamoBillingMode.PayPerRequest;
        var provisioned = billing == DynamoBillingMode.Provisioned;
        var request = new CreateTableRequest
        {
            TableName = pattern.LocalTableName,
            KeySchema = Keys(partitionKey, sortKey),
            BillingMode = BillingMode.FindValue(billing.ToWireName()),
            ProvisionedThroughput = provisioned ? new ProvisionedThroughput(t.ReadCapacity ?? 5, t.WriteCapacity ?? 5) : null,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.FindValue((existing is null ? t.Stream : DynamoStreamViewType.NewAndOldImages).ToWireName()) },
        };

        if (existing is null)
        {
            foreach (var gsi in t.GlobalSecondaryIndexes)
            {
                Add(gsi.PartitionKey);
                Add(gsi.SortKey);
                (request.GlobalSecondaryIndexes ??= []).Add(new GlobalSecondaryIndex
                {
                    IndexName = gsi.IndexName,
                    KeySchema = Keys(gsi.PartitionKey, gsi.SortKey),
                    Projection = Projection(gsi.ProjectionType, gsi.NonKeyAttributes),
                    ProvisionedThroughput = provisioned ? new ProvisionedThroughput(gsi.ReadCapacity ?? 5, gsi.WriteCapacity ?? 5) : null,
                });
            }

            foreach (var lsi in t.LocalSecondaryIndexes)
            {
                Add(lsi.SortKey);
                (request.LocalSecondaryIndexes ??= []).Add(new LocalSecondaryIndex
                {
                    IndexName = lsi.IndexName,
                    KeySchema = Keys(partitionKey, lsi.SortKey),
                    Projection = Projection(lsi.ProjectionType, lsi.NonKeyAttributes),
                });
            }
        }

        request.AttributeDefinitions = [.. attributes.Values.Select(a => new AttributeDefinition(a.Name, new ScalarAttributeType(a.TypeCode)))];
        return request;
    }

    private static async Task EnableTimeToLiveAsync(IAmazonDynamoDB client, string tableName, string attribute, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var current = await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            if (current.TimeToLiveDescription?.TimeToLiveStatus == TimeToLiveStatus.ENABLED)
            {
                return;
            }

            await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = true },
            }, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Time to live is on for {Table}, attribute {Attribute}.", tableName, attribute);
        }
        catch (AmazonDynamoDBException ex)
        {
            logger.LogWarning("Time to live could not be enabled on {Table} ({Error}); items will not expire in this run.", tableName, ex.Message);
        }
    }

    private static List<KeySchemaElement> Keys(DynamoAttribute partitionKey, DynamoAttribute? sortKey)
    {
        var keys = new List<KeySchemaElement> { new(partitionKey.Name, KeyType.HASH) };
        if (sortKey is not null)
        {
            keys.Add(new KeySchemaElement(sortKey.Name, KeyType.RANGE));
        }

        return keys;
    }

    private static Projection Projection(DynamoProjectionType type, IList<string> nonKeyAttributes) => type switch
    {
        DynamoProjectionType.KeysOnly => new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
        DynamoProjectionType.Include => new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = [.. nonKeyAttributes] },
        _ => new Projection { ProjectionType = ProjectionType.ALL },
    };
}
