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
/// Implements TransactGetItems: up to 100 Get actions read together under the locks of every table
/// involved, so they see one consistent state.
/// </summary>
internal sealed class TransactGetItemsOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public TransactGetItemsOperation(DynamoDbContext context)
        : base("TransactGetItems", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var errors = new ValidationErrors();
        var options = ReturnOptions.Read(body, errors);
        var items = TransactionLimits.ReadActions(body, errors);

        errors.ThrowIfAny();
        var gets = new List<(StoredTable Table, IReadOnlyDictionary<string, AttributeValue> Key, ProjectionExpression? Projection)>();
        var seen = new HashSet<(StoredTable, ItemKey)>();
        var position = 0;
        foreach (var element in items.EnumerateArray())
        {
            position++;
            if (!JsonFields.TryGetObject(element, "Get", out var get))
            {
                throw ValidationErrors.NotNullError($"transactItems.{position}.member.get");
            }

            var key = RequestExpressions.ReadItem(get, "Key") ?? throw ValidationErrors.NotNullError($"transactItems.{position}.member.get.key");
            var tableName = TableNames.Read(get, "TableName", $"transactItems.{position}.member.get.tableName");
            var text = JsonFields.GetString(get, "ProjectionExpression");
            var context = RequestExpressions.ReadContext(get, text is not null);
            var projection = text is null ? null : ProjectionExpression.Parse(text, context);
            context.ValidateAllUsed();
            var table = Context.GetTable(request.Region, tableName);
            var schema = table.Definition.KeySchema;
            ItemKeys.FromKey(key, schema);
            TransactionLimits.EnsureOneActionPerItem(seen, table, ItemKeys.Identity(key, schema));

            gets.Add((table, key, projection));
        }

        var results = new StoredItem?[gets.Count];
        using (TableLocks.Enter(gets.Select(g => g.Table)))
        {
            for (var i = 0; i < gets.Count; i++)
            {
                WriteConditions.EnsureLive(gets[i].Table);
                results[i] = gets[i].Table.Get(gets[i].Key);
            }
        }

        TransactionLimits.EnsureAggregateSize(results.Sum(r => (long)(r?.Size ?? 0)));

        response.WriteStartObject();
        response.WriteStartArray("Responses");
        for (var i = 0; i < gets.Count; i++)
        {
            response.WriteStartObject();
            if (results[i] is { } item)
            {
                response.WritePropertyName("Item");
                AttributeValueWriter.WriteItem(response, gets[i].Projection is { } projection ? projection.Apply(item.Attributes) : item.Attributes);
            }

            response.WriteEndObject();
        }

        response.WriteEndArray();
        if (options.ConsumedCapacity != "NONE")
        {
            response.WriteStartArray("ConsumedCapacity");
            for (var g = 0; g < gets.Count; g++)
            {
                var table = gets[g].Table;
                if (gets.FindIndex(x => x.Table == table) != g)
                {
                    continue;
                }

                var units = Enumerable.Range(0, gets.Count).Where(i => gets[i].Table == table).Sum(i => 2 * Capacity.ReadUnits(results[i]?.Size ?? 0, consistent: true));
                Capacity.WriteObject(response, options.ConsumedCapacity, table.Definition.Name, units, split: CapacitySplit.Read);
            }

            response.WriteEndArray();
        }

        response.WriteEndObject();
    }
}
