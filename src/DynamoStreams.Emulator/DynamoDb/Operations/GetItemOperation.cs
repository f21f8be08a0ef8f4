using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements GetItem with ProjectionExpression (or AttributesToGet) and ConsistentRead.</summary>
internal sealed class GetItemOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public GetItemOperation(DynamoDbContext context)
        : base("GetItem", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var read = SingleItemRequest.Read(body, "Key", ExpressionParameters.Get);
        var (tableName, key, options) = read;
        var consistent = JsonFields.GetBoolean(body, "ConsistentRead") ?? false;
        var projection = Projections.Read(body);
        var table = Context.GetTable(request.Region, tableName);
        ItemKeys.FromKey(key, table.Definition.KeySchema);
        ScalarKeys.Check(table.Definition, filter: null, projection);
        StoredItem? item;
        lock (table.SyncRoot)
        {
            item = table.Get(key);
        }

        response.WriteStartObject();
        if (item is not null)
        {
            response.WritePropertyName("Item");
            AttributeValueWriter.WriteItem(response, projection is null ? item.Attributes : projection.Apply(item.Attributes));
        }

        Capacity.WriteMember(response, options.ConsumedCapacity, table.Definition, Capacity.ReadUnits(item?.Size ?? 0, consistent));
        response.WriteEndObject();
    }
}
