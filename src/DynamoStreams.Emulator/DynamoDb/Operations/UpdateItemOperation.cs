using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;
using TableDefinition = DynamoStreams.Emulator.DynamoDb.Tables.TableDefinition;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements UpdateItem: UpdateExpression (or legacy AttributeUpdates), ConditionExpression (or Expected),
/// all five ReturnValues, and creation of a missing item.
/// </summary>
internal sealed class UpdateItemOperation : DynamoDbOperation
{
    private static readonly string[] s_legacy = ["AttributeUpdates", "Expected", "ConditionalOperator"];
    private static readonly string[] s_expressions = ["UpdateExpression", "ConditionExpression"];

    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public UpdateItemOperation(DynamoDbContext context)
        : base("UpdateItem", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var read = SingleItemRequest.Read(body, "Key", ExpressionParameters.Update);
        var (tableName, key, options) = read;
        var update = Read(body, out var condition);
        var table = Context.GetTable(request.Region, tableName);
        var definition = table.Definition;
        ItemKeys.FromKey(key, definition.KeySchema);
        update?.EnsureKeyAttributesUnchanged(key.Keys);
        if (update is not null)
        {
            IndexKeyPaths.CheckUpdate(update, definition);
        }

        StoredItem? old;
        StoredItem stored;
        UpdateResult? result;
        lock (table.SyncRoot)
        {
            old = read.ReadForWrite(table, key, condition);

            stored = Apply(update, old, key, definition, out result);
            table.Commit(key, old, stored, WriteOrigin.User);
        }

        IReadOnlyDictionary<string, AttributeValue>? attributes = options.ReturnValues switch
        {
            "ALL_OLD" => old?.Attributes,
            "ALL_NEW" => stored.Attributes,
            "UPDATED_OLD" when old is not null && result is not null => NullIfEmpty(result.ProjectUpdated(old.Attributes)),
            "UPDATED_NEW" when result is not null => NullIfEmpty(result.ProjectUpdated(stored.Attributes)),
            _ => null,
        };
        WriteResponse.Write(response, definition, options, attributes, key, Capacity.WriteUnits(Math.Max(stored.Size, old?.Size ?? 0)));
    }

    /// <summary>Computes the updated item under the table's lock and checks it like a put.</summary>
    internal static StoredItem Apply(UpdateExpression? update, StoredItem? old, IReadOnlyDictionary<string, AttributeValue> key, TableDefinition definition, out UpdateResult? result)
    {
        Dictionary<string, AttributeValue> next;
        if (update is null)
        {
            result = null;
            next = old is null ? new Dictionary<string, AttributeValue>(key, StringComparer.Ordinal) : new Dictionary<string, AttributeValue>(old.Attributes, StringComparer.Ordinal);
        }
        else
        {
            result = update.Apply(old?.Attributes ?? key);
            next = result.Item;
            foreach (var (name, value) in key)
            {
                next[name] = value;
            }

            IndexKeyPaths.CheckUpdatedItem(update, next, definition);
        }

        var size = ItemSize.Of(next);
        if (size > ItemSize.MaxItemBytes)
        {
            throw DynamoDbErrors.Validation("Item size to update has exceeded the maximum allowed size");
        }

        ItemKeys.FromItem(next, definition);
        return new StoredItem(next, (int)size);
    }

    /// <summary>Reads the update and the condition; all placeholders must be used by one of them.</summary>
    internal static UpdateExpression? Read(JsonElement body, out ConditionExpression condition)
    {
        RequestExpressions.RejectMixed(body, s_legacy, s_expressions);
        var updateText = JsonFields.GetString(body, "UpdateExpression");
        var conditionText = JsonFields.GetString(body, "ConditionExpression");
        var context = RequestExpressions.ReadContext(body, usesExpressions: updateText is not null || conditionText is not null);
        var update = updateText is null ? LegacyUpdates.ReadAttributeUpdates(body) : UpdateExpression.Parse(updateText, context);
        condition = WriteConditions.Parse(conditionText, context) ?? LegacyConditions.ReadExpected(body) ?? ConditionExpression.Always;
        context.ValidateAllUsed();
        return update;
    }

    private static Dictionary<string, AttributeValue>? NullIfEmpty(Dictionary<string, AttributeValue> item) => item.Count == 0 ? null : item;
}
