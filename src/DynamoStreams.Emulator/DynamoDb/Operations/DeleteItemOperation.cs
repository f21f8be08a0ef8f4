using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements DeleteItem with ConditionExpression (or legacy Expected), ReturnValues NONE or ALL_OLD.</summary>
internal sealed class DeleteItemOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public DeleteItemOperation(DynamoDbContext context)
        : base("DeleteItem", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var read = SingleItemRequest.Read(body, "Key", ExpressionParameters.Write);
        var (tableName, key, options) = read;
        options.RequireNoneOrAllOld();
        var condition = WriteConditions.Read(body);
        var table = Context.GetTable(request.Region, tableName);
        var definition = table.Definition;
        ItemKeys.FromKey(key, definition.KeySchema);
        StoredItem? old;
        lock (table.SyncRoot)
        {
            old = read.ReadForWrite(table, key, condition);
            table.Commit(key, old, null, WriteOrigin.User);
        }

        WriteResponse.Write(response, definition, options, options.ReturnValues == "ALL_OLD" ? old?.Attributes : null, key, Capacity.WriteUnits(old?.Size ?? 0));
    }
}
