using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements BatchWriteItem: up to 25 puts and deletes over any tables, validated as a whole before any
/// is written; each item is committed through the table's write path. UnprocessedItems is always empty.
/// </summary>
internal sealed class BatchWriteItemOperation : DynamoDbOperation
{
    private const int MaxRequests = 25;

    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public BatchWriteItemOperation(DynamoDbContext context)
        : base("BatchWriteItem", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        // The member constraints (map size, table names, list lengths, required members) were checked with the shape.
        var requestItems = BatchRequestItems.Read(body, out var options);
        var writes = new List<(StoredTable Table, IReadOnlyDictionary<string, AttributeValue> Key, StoredItem? Item)>();
        foreach (var tableEntry in requestItems.EnumerateObject())
        {
            foreach (var entry in tableEntry.Value.EnumerateArray())
            {
                var hasPut = JsonFields.TryGetObject(entry, "PutRequest", out var put);
                var hasDelete = JsonFields.TryGetObject(entry, "DeleteRequest", out var delete);
                if (!hasPut && !hasDelete)
                {
                    // Observed: DynamoDB answers an empty WriteRequest with its union message (dynalite suite
                    // batchWriteItem.js 'should return ValidationException for empty item in RequestItems').
                    throw DynamoDbErrors.Validation(AttributeValueReader.MultipleTypesMessage);
                }

                if (hasPut && hasDelete)
                {
                    throw DynamoDbErrors.InvalidParameter("A WriteRequest must contain exactly one of PutRequest or DeleteRequest");
                }

                if (hasPut)
                {
                    var item = RequestExpressions.ReadItem(put, "Item")!;
                    if (ItemSize.Of(item) > ItemSize.MaxItemBytes)
                    {
                        throw DynamoDbErrors.Validation("Item size has exceeded the maximum allowed size");
                    }

                    writes.Add((null!, item, new StoredItem(item, (int)ItemSize.Of(item))));
                }
                else
                {
                    var key = RequestExpressions.ReadItem(delete, "Key")!;
                    writes.Add((null!, key, null));
                }
            }

            if (writes.Count > MaxRequests)
            {
                throw DynamoDbErrors.Validation("Too many items requested for the BatchWriteItem call");
            }
        }

        // Resolve tables and check keys only after the whole request has the right shape, as DynamoDB does.
        var resolved = new List<(StoredTable Table, IReadOnlyDictionary<string, AttributeValue> Key, StoredItem? Item)>(writes.Count);
        var seen = new HashSet<(StoredTable, ItemKey)>();
        var index = 0;
        foreach (var tableEntry in requestItems.EnumerateObject())
        {
            var table = Context.GetTable(request.Region, TableNames.FromArn(tableEntry.Name)!);
            var definition = table.Definition;
            for (var i = 0; i < tableEntry.Value.GetArrayLength(); i++, index++)
            {
                var (_, keyOrItem, item) = writes[index];
                var key = item is null ? ItemKeys.FromKey(keyOrItem, definition.KeySchema) : ItemKeys.FromItem(keyOrItem, definition, ItemKeys.SchemaMismatch);
                var itemKey = ItemKeys.Identity(key, definition.KeySchema);
                if (!seen.Add((table, itemKey)))
                {
                    throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
                }

                resolved.Add((table, key, item));
            }
        }

        var units = new Dictionary<StoredTable, double>();
        foreach (var (table, key, item) in resolved)
        {
            lock (table.SyncRoot)
            {
                WriteConditions.EnsureLive(table);
                var old = table.Get(key);
                table.Commit(key, old, item, WriteOrigin.User);
                units[table] = units.GetValueOrDefault(table) + Capacity.WriteUnits(Math.Max(item?.Size ?? 0, old?.Size ?? 0));
            }
        }

        response.WriteStartObject();
        response.WriteStartObject("UnprocessedItems");
        response.WriteEndObject();
        if (options.ConsumedCapacity != "NONE")
        {
            response.WriteStartArray("ConsumedCapacity");
            foreach (var (table, total) in units)
            {
                Capacity.WriteObject(response, options.ConsumedCapacity, table.Definition.Name, total);
            }

            response.WriteEndArray();
        }

        if (options.ItemCollectionMetrics)
        {
            response.WriteStartObject("ItemCollectionMetrics");
            foreach (var group in resolved.Where(r => r.Table.Definition.LocalSecondaryIndexes.Count > 0).GroupBy(r => r.Table))
            {
                response.WriteStartArray(group.Key.Definition.Name);
                foreach (var (table, key, _) in group)
                {
                    ItemCollectionMetrics.WriteObject(response, table.Definition, key);
                }

                response.WriteEndArray();
            }

            response.WriteEndObject();
        }

        response.WriteEndObject();
    }
}
