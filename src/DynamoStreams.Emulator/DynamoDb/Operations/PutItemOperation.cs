using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements PutItem with ConditionExpression (or legacy Expected), ReturnValues NONE or ALL_OLD.</summary>
internal sealed class PutItemOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public PutItemOperation(DynamoDbContext context)
        : base("PutItem", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var read = SingleItemRequest.Read(body, "Item", ExpressionParameters.Write);
        var (tableName, item, options) = read;
        options.RequireNoneOrAllOld();
        var size = ItemSize.Of(item);
        if (size > ItemSize.MaxItemBytes)
        {
            throw DynamoDbErrors.Validation("Item size has exceeded the maximum allowed size");
        }

        var condition = WriteConditions.Read(body);
        var table = Context.GetTable(request.Region, tableName);
        var definition = table.Definition;
        var key = ItemKeys.FromItem(item, definition);
        var stored = new StoredItem(item, (int)size);
        StoredItem? old;
        lock (table.SyncRoot)
        {
            old = read.ReadForWrite(table, key, condition);

            table.Commit(key, old, stored, WriteOrigin.User);
        }

        var units = Capacity.WriteUnits(Math.Max(stored.Size, old?.Size ?? 0));
        WriteResponse.Write(response, definition, options, options.ReturnValues == "ALL_OLD" ? old?.Attributes : null, key, units);
    }
}
