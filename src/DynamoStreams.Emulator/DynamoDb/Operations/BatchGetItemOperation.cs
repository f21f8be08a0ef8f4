using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements BatchGetItem: up to 100 keys over any tables, each table with its own projection and
/// consistency; keys beyond 1 MB read from one table (a partition, as the emulator keeps every table in one) or
/// beyond a 16 MB response are returned in UnprocessedKeys.
/// </summary>
internal sealed class BatchGetItemOperation : DynamoDbOperation
{
    private const int MaxKeys = 100;
    private const long MaxResponseBytes = 16L * 1024 * 1024;
    private const long MaxPartitionBytes = 1024 * 1024;

    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public BatchGetItemOperation(DynamoDbContext context)
        : base("BatchGetItem", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var requestItems = BatchRequestItems.Read(body, out var options);
        var plans = new List<TablePlan>();
        var total = 0;
        foreach (var entry in requestItems.EnumerateObject())
        {
            var tableName = TableNames.FromArn(entry.Name)!;
            var keysAndAttributes = entry.Value;
            ExpressionParameters.Get.Check(keysAndAttributes);

            // Keys is required: the shape check has reported it missing.
            JsonFields.TryGetArray(keysAndAttributes, "Keys", out var keysArray);
            var keys = new List<Dictionary<string, AttributeValue>>();
            foreach (var key in keysArray.EnumerateArray())
            {
                keys.Add(AttributeValueReader.ReadItem(key));
            }

            total += keys.Count;
            if (total > MaxKeys)
            {
                throw DynamoDbErrors.Validation("Too many items requested for the BatchGetItem call");
            }

            var text = JsonFields.GetString(keysAndAttributes, "ProjectionExpression");
            var context = RequestExpressions.ReadContext(keysAndAttributes, text is not null);
            var projection = Projections.Read(keysAndAttributes, context);
            context.ValidateAllUsed();
            if (ItemKeys.HasDuplicates(keys))
            {
                throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
            }

            plans.Add(new TablePlan(tableName, keys, projection, JsonFields.GetBoolean(keysAndAttributes, "ConsistentRead") ?? false, keysAndAttributes));
        }

        foreach (var plan in plans)
        {
            plan.Table = Context.GetTable(request.Region, plan.Name);
            var schema = plan.Table.Definition.KeySchema;
            var seen = new HashSet<ItemKey>();
            foreach (var key in plan.Keys)
            {
                ItemKeys.FromKey(key, schema);
                if (!seen.Add(ItemKeys.Identity(key, schema)))
                {
                    throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
                }
            }
        }

        long bytes = 0;
        var full = false;
        response.WriteStartObject();
        response.WriteStartObject("Responses");
        foreach (var plan in plans)
        {
            response.WriteStartArray(plan.Name);
            long tableBytes = 0;
            foreach (var key in BatchReadOrder.Sort(plan.Keys, plan.Table!.Definition.KeySchema))
            {
                // AWS docs (BatchGetItem): a partial result comes back when more than 1 MB per partition is requested;
                // the item that reaches 1 MB is still returned. A key left unprocessed still costs the minimum read
                // (observed: dynalite suite batchGetItem.js 'should return many unprocessed items if very over the limit').
                if (full || tableBytes >= MaxPartitionBytes)
                {
                    plan.Unprocessed.Add(key);
                    plan.Units += Capacity.ReadUnits(0, plan.Consistent);
                    continue;
                }

                StoredItem? item;
                lock (plan.Table!.SyncRoot)
                {
                    item = plan.Table.Get(key);
                }

                // The response stays within 16 MB: the first item that would cross it and every key after it
                // come back in UnprocessedKeys for the client to ask again.
                if (item is not null && bytes + item.Size > MaxResponseBytes)
                {
                    full = true;
                    plan.Unprocessed.Add(key);
                    plan.Units += Capacity.ReadUnits(0, plan.Consistent);
                    continue;
                }

                // Every key read costs at least the minimum unit, found or not (observed: dynalite suite batchGetItem.js
                // 'should return ConsumedCapacity from each specified table with no consistent read and small item').
                plan.Units += Capacity.ReadUnits(item?.Size ?? 0, plan.Consistent);
                if (item is not null)
                {
                    bytes += item.Size;
                    tableBytes += item.Size;
                    AttributeValueWriter.WriteItem(response, plan.Projection is null ? item.Attributes : plan.Projection.Apply(item.Attributes));
                }
            }

            response.WriteEndArray();
        }

        response.WriteEndObject();
        WriteUnprocessed(response, plans);
        if (options.ConsumedCapacity != "NONE")
        {
            response.WriteStartArray("ConsumedCapacity");
            foreach (var plan in plans)
            {
                Capacity.WriteObject(response, options.ConsumedCapacity, plan.Name, plan.Units);
            }

            response.WriteEndArray();
        }

        response.WriteEndObject();
    }

    private static void WriteUnprocessed(Utf8JsonWriter response, List<TablePlan> plans)
    {
        response.WriteStartObject("UnprocessedKeys");
        foreach (var plan in plans.Where(p => p.Unprocessed.Count > 0))
        {
            response.WritePropertyName(plan.Name);
            response.WriteStartObject();
            response.WriteStartArray("Keys");
            foreach (var key in plan.Unprocessed)
            {
                AttributeValueWriter.WriteItem(response, key);
            }

            response.WriteEndArray();
            foreach (var member in new[] { "ProjectionExpression", "ExpressionAttributeNames", "AttributesToGet", "ConsistentRead" })
            {
                if (plan.Source.TryGetProperty(member, out var value))
                {
                    response.WritePropertyName(member);
                    value.WriteTo(response);
                }
            }

            response.WriteEndObject();
        }

        response.WriteEndObject();
    }

    private sealed class TablePlan(string name, List<Dictionary<string, AttributeValue>> keys, ProjectionExpression? projection, bool consistent, JsonElement source)
    {
        public string Name { get; } = name;

        public List<Dictionary<string, AttributeValue>> Keys { get; } = keys;

        public ProjectionExpression? Projection { get; } = projection;

        public bool Consistent { get; } = consistent;

        public JsonElement Source { get; } = source;

        public StoredTable? Table { get; set; }

        public double Units { get; set; }

        public List<Dictionary<string, AttributeValue>> Unprocessed { get; } = [];
    }
}
