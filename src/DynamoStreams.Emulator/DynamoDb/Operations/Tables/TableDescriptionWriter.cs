using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>
/// Writes a <c>TableDescription</c> object as CreateTable, DescribeTable, UpdateTable and DeleteTable return it.
/// </summary>
internal static class TableDescriptionWriter
{
    /// <summary>Writes the description of a table with the statuses its lifecycle reports at <paramref name="now"/>.</summary>
    /// <param name="writer">The response writer.</param>
    /// <param name="table">The table.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="status">The table status to report instead of the lifecycle's (CreateTable, UpdateTable and DeleteTable answers).</param>
    /// <param name="creatingIndexes">Global secondary indexes to report as CREATING whatever the lifecycle says (the UpdateTable answer that adds them).</param>
    public static void Write(Utf8JsonWriter writer, StoredTable table, DateTimeOffset now, string? status = null, IReadOnlyCollection<string>? creatingIndexes = null)
    {
        var definition = table.Definition;
        status ??= table.Lifecycle.TableStatus(now);
        long itemCount;
        long size;
        lock (table.SyncRoot)
        {
            itemCount = table.ItemCount;
            size = table.SizeBytes;
        }

        writer.WriteStartObject();
        writer.WriteStartArray("AttributeDefinitions");
        foreach (var attribute in definition.AttributeDefinitions)
        {
            writer.WriteStartObject();
            writer.WriteString("AttributeName", attribute.Name);
            writer.WriteString("AttributeType", attribute.Type);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("TableName", definition.Name);
        WriteKeySchema(writer, definition.KeySchema);
        writer.WriteString("TableStatus", status);
        writer.WriteNumber("CreationDateTime", definition.CreationDateTime.ToUnixTimeMilliseconds() / 1000.0);
        WriteThroughput(writer, table.Lifecycle.ThroughputWhileUpdating(now) ?? definition.Throughput);
        writer.WriteNumber("TableSizeBytes", size);
        writer.WriteNumber("ItemCount", itemCount);
        writer.WriteString("TableArn", definition.Arn);
        writer.WriteString("TableId", definition.TableId);
        if (definition.IsOnDemand || definition.BillingModeUpdated is not null)
        {
            // While CREATING, DynamoDB reports the on-demand mode without its switch time, and adds the (undocumented)
            // TableThroughputModeSummary (observed: dynalite suite createTable.js 'should succeed for basic PAY_PER_REQUEST').
            var switched = definition.IsOnDemand && status != "CREATING" ? definition.BillingModeUpdated ?? definition.CreationDateTime : (DateTimeOffset?)null;
            WriteModeSummary(writer, "BillingModeSummary", "BillingMode", definition.BillingMode, switched);
            if (definition.IsOnDemand)
            {
                WriteModeSummary(writer, "TableThroughputModeSummary", "TableThroughputMode", definition.BillingMode, switched);
            }
        }

        WriteIndexes(writer, "LocalSecondaryIndexes", table, definition.LocalSecondaryIndexes, _ => null);
        if (status != "DELETING")
        {
            // DynamoDB leaves the global indexes out of the DeleteTable answer (observed: dynalite suite deleteTable.js 'should eventually delete').
            WriteIndexes(writer, "GlobalSecondaryIndexes", table, definition.GlobalSecondaryIndexes, name =>
                status == "CREATING" || creatingIndexes?.Contains(name) == true ? "CREATING" : table.Lifecycle.IndexStatus(name, now));
        }
        var stream = definition.Stream;
        if (stream.Enabled || stream.LatestStreamArn is not null)
        {
            writer.WriteStartObject("StreamSpecification");
            writer.WriteBoolean("StreamEnabled", stream.Enabled);
            if (stream.Enabled && stream.ViewType is not null)
            {
                writer.WriteString("StreamViewType", stream.ViewType);
            }

            writer.WriteEndObject();
        }

        if (stream.LatestStreamLabel is not null)
        {
            writer.WriteString("LatestStreamLabel", stream.LatestStreamLabel);
            writer.WriteString("LatestStreamArn", stream.LatestStreamArn);
        }

        if (definition.SseEnabled)
        {
            writer.WriteStartObject("SSEDescription");
            writer.WriteString("Status", "ENABLED");
            writer.WriteString("SSEType", "KMS");
            writer.WriteString("KMSMasterKeyArn", KmsKeyArn(definition));
            writer.WriteEndObject();
        }

        if (definition.TableClass != "STANDARD")
        {
            writer.WriteStartObject("TableClassSummary");
            writer.WriteString("TableClass", definition.TableClass);
            writer.WriteEndObject();
        }

        writer.WriteBoolean("DeletionProtectionEnabled", definition.DeletionProtectionEnabled);
        writer.WriteEndObject();
    }

    private static void WriteModeSummary(Utf8JsonWriter writer, string member, string modeMember, string mode, DateTimeOffset? switchedToPayPerRequest)
    {
        writer.WriteStartObject(member);
        writer.WriteString(modeMember, mode);
        if (switchedToPayPerRequest is { } switched)
        {
            writer.WriteNumber("LastUpdateToPayPerRequestDateTime", switched.ToUnixTimeMilliseconds() / 1000.0);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a <c>KeySchema</c> member.</summary>
    /// <param name="writer">The response writer.</param>
    /// <param name="schema">The key schema.</param>
    public static void WriteKeySchema(Utf8JsonWriter writer, KeySchema schema)
    {
        writer.WriteStartArray("KeySchema");
        WriteKeyElement(writer, schema.HashKey.Name, "HASH");
        if (schema.RangeKey is not null)
        {
            WriteKeyElement(writer, schema.RangeKey.Name, "RANGE");
        }

        writer.WriteEndArray();
    }

    private static void WriteKeyElement(Utf8JsonWriter writer, string name, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("AttributeName", name);
        writer.WriteString("KeyType", type);
        writer.WriteEndObject();
    }

    private static void WriteThroughput(Utf8JsonWriter writer, ProvisionedThroughput throughput)
    {
        writer.WriteStartObject("ProvisionedThroughput");
        if (throughput.LastIncreaseDateTime is { } increased)
        {
            writer.WriteNumber("LastIncreaseDateTime", increased.ToUnixTimeMilliseconds() / 1000.0);
        }

        if (throughput.LastDecreaseDateTime is { } decreased)
        {
            writer.WriteNumber("LastDecreaseDateTime", decreased.ToUnixTimeMilliseconds() / 1000.0);
        }

        writer.WriteNumber("NumberOfDecreasesToday", throughput.NumberOfDecreasesToday);
        writer.WriteNumber("ReadCapacityUnits", throughput.ReadCapacityUnits);
        writer.WriteNumber("WriteCapacityUnits", throughput.WriteCapacityUnits);
        writer.WriteEndObject();
    }

    private static void WriteIndexes(Utf8JsonWriter writer, string member, StoredTable table, IReadOnlyList<SecondaryIndex> indexes, Func<string, string?> indexStatus)
    {
        if (indexes.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(member);
        foreach (var index in indexes)
        {
            long count = 0;
            long size = 0;
            lock (table.SyncRoot)
            {
                if (table.GetIndex(index.Name) is { } items)
                {
                    count = items.Count;
                    size = items.TotalSize;
                }
            }

            writer.WriteStartObject();
            writer.WriteString("IndexName", index.Name);
            WriteKeySchema(writer, index.KeySchema);
            writer.WriteStartObject("Projection");
            writer.WriteString("ProjectionType", index.Projection.ProjectionType);
            if (index.Projection.NonKeyAttributes.Count > 0)
            {
                writer.WriteStartArray("NonKeyAttributes");
                foreach (var attribute in index.Projection.NonKeyAttributes)
                {
                    writer.WriteStringValue(attribute);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            if (index.IsGlobal)
            {
                writer.WriteString("IndexStatus", indexStatus(index.Name));
                WriteThroughput(writer, index.Throughput);
            }

            writer.WriteNumber("IndexSizeBytes", size);
            writer.WriteNumber("ItemCount", count);
            writer.WriteString("IndexArn", table.Definition.Arn + "/index/" + index.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string KmsKeyArn(TableDefinition definition)
    {
        var key = definition.KmsMasterKeyId;
        if (key is not null && key.StartsWith("arn:", StringComparison.Ordinal))
        {
            return key;
        }

        var account = definition.Arn.Split(':')[4];
        return $"arn:aws:kms:{definition.Region}:{account}:key/{key ?? "aws/dynamodb"}";
    }
}
