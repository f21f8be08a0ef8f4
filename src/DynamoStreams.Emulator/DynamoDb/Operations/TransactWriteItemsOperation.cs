using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements TransactWriteItems: up to 100 ConditionCheck, Put, Update and Delete actions on distinct items,
/// all or nothing under the locks of every table involved; a failure cancels the whole transaction with
/// one reason per action in request order. ClientRequestToken makes retries idempotent for 10 minutes.
/// </summary>
internal sealed class TransactWriteItemsOperation : DynamoDbOperation
{
    private static readonly string[] s_kinds = ["ConditionCheck", "Put", "Delete", "Update"];

    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public TransactWriteItemsOperation(DynamoDbContext context)
        : base("TransactWriteItems", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var errors = new ValidationErrors();
        var options = ReturnOptions.Read(body, errors);
        var token = JsonFields.GetString(body, "ClientRequestToken");
        if (token is { Length: < 1 or > 36 })
        {
            errors.Add(token, "clientRequestToken", token.Length < 1 ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 36");
        }

        var items = TransactionLimits.ReadActions(body, errors);

        errors.ThrowIfAny();
        var fingerprint = items.GetRawText();
        if (token is not null && Context.TransactionTokens.Check(token, fingerprint) is { } same)
        {
            if (!same)
            {
                throw DynamoDbErrors.IdempotentParameterMismatch();
            }

            WriteResponse(response, options, []);
            return;
        }

        var actions = Parse(items, request.Region);
        using (TableLocks.Enter(actions.Select(a => a.Table)))
        {
            var reasons = new CancellationReason[actions.Count];
            var failed = false;
            for (var i = 0; i < actions.Count; i++)
            {
                reasons[i] = Evaluate(actions[i]);
                failed |= reasons[i] != CancellationReason.None;
            }

            if (failed)
            {
                throw new TransactionCanceledError(reasons);
            }

            // Each item counts once at its larger size: the item a Put or Update writes, the item a Delete or
            // ConditionCheck reads.
            TransactionLimits.EnsureAggregateSize(actions.Sum(a => (long)Math.Max(a.New?.Size ?? 0, a.Old?.Size ?? 0)));

            using (AtomicWrite.Begin())
            {
                foreach (var action in actions.Where(a => a.Kind != "ConditionCheck"))
                {
                    action.Table.Commit(action.Key, action.Old, action.New, WriteOrigin.User);
                }
            }
        }

        if (token is not null)
        {
            Context.TransactionTokens.Record(token, fingerprint);
        }

        WriteResponse(response, options, actions);
    }

    private static CancellationReason Evaluate(TransactAction action)
    {
        WriteConditions.EnsureLive(action.Table);
        action.Old = action.Table.Get(action.Key);
        if (!action.Condition.Evaluate(action.Old?.Attributes))
        {
            return new CancellationReason("ConditionalCheckFailed", "The conditional request failed", action.ReturnOldOnFailure ? action.Old?.Attributes : null);
        }

        try
        {
            action.New = action.Kind switch
            {
                "Put" => action.PutItem,
                "Update" => UpdateItemOperation.Apply(action.Update, action.Old, action.Key, action.Table.Definition, out _),
                _ => null,
            };
        }
        catch (AwsServiceException exception)
        {
            return new CancellationReason("ValidationError", exception.WireMessage);
        }
        catch (DynamoValidationException exception)
        {
            return new CancellationReason("ValidationError", exception.Message);
        }

        return CancellationReason.None;
    }

    private List<TransactAction> Parse(JsonElement items, string region)
    {
        var actions = new List<TransactAction>();
        var seen = new HashSet<(StoredTable, ItemKey)>();
        var position = 0;
        foreach (var element in items.EnumerateArray())
        {
            position++;
            var present = s_kinds.Where(k => JsonFields.TryGet(element, k, out _)).ToList();
            if (present.Count != 1)
            {
                throw DynamoDbErrors.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }

            var kind = present[0];
            JsonFields.TryGetObject(element, kind, out var spec);
            var path = $"transactItems.{position}.member.{char.ToLowerInvariant(kind[0])}{kind[1..]}";
            var conditionText = JsonFields.GetString(spec, "ConditionExpression");
            var updateText = JsonFields.GetString(spec, "UpdateExpression");
            var onFailure = JsonFields.GetString(spec, "ReturnValuesOnConditionCheckFailure");
            var errors = new ValidationErrors();
            errors.CheckName(TableNames.FromArn(JsonFields.GetString(spec, "TableName")), path + ".tableName");
            errors.CheckEnum(onFailure, path + ".returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
            var keyOrItem = RequestExpressions.ReadItem(spec, kind == "Put" ? "Item" : "Key");
            if (keyOrItem is null)
            {
                errors.NotNull(path + (kind == "Put" ? ".item" : ".key"));
            }

            if (kind == "ConditionCheck" && conditionText is null)
            {
                errors.NotNull(path + ".conditionExpression");
            }

            if (kind == "Update" && updateText is null)
            {
                errors.NotNull(path + ".updateExpression");
            }

            errors.ThrowIfAny();
            var context = RequestExpressions.ReadContext(spec, conditionText is not null || updateText is not null);
            var condition = WriteConditions.Parse(conditionText, context) ?? ConditionExpression.Always;
            var update = updateText is null ? null : UpdateExpression.Parse(updateText, context);
            context.ValidateAllUsed();
            if (kind == "Put" && ItemSize.Of(keyOrItem!) > ItemSize.MaxItemBytes)
            {
                throw DynamoDbErrors.Validation("Item size has exceeded the maximum allowed size");
            }

            var table = Context.GetTable(region, TableNames.FromArn(JsonFields.GetString(spec, "TableName"))!);
            var schema = table.Definition.KeySchema;
            var key = kind == "Put" ? ItemKeys.FromItem(keyOrItem!, table.Definition) : ItemKeys.FromKey(keyOrItem!, schema);
            update?.EnsureKeyAttributesUnchanged(key.Keys);
            TransactionLimits.EnsureOneActionPerItem(seen, table, ItemKeys.Identity(key, schema));

            actions.Add(new TransactAction
            {
                Kind = kind,
                Table = table,
                Key = key,
                Condition = condition,
                ReturnOldOnFailure = onFailure == "ALL_OLD",
                PutItem = kind == "Put" ? new StoredItem(keyOrItem!, (int)ItemSize.Of(keyOrItem!)) : null,
                Update = update,
            });
        }

        return actions;
    }

    private static void WriteResponse(Utf8JsonWriter response, ReturnOptions options, List<TransactAction> actions)
    {
        response.WriteStartObject();
        if (options.ConsumedCapacity != "NONE")
        {
            response.WriteStartArray("ConsumedCapacity");
            foreach (var group in actions.GroupBy(a => a.Table))
            {
                // Transactions cost two units per item written (prepare and commit).
                var units = group.Sum(a => 2 * Capacity.WriteUnits(Math.Max(a.New?.Size ?? 0, a.Old?.Size ?? 0)));
                Capacity.WriteObject(response, options.ConsumedCapacity, group.Key.Definition.Name, units, split: CapacitySplit.Write);
            }

            response.WriteEndArray();
        }

        if (options.ItemCollectionMetrics)
        {
            response.WriteStartObject("ItemCollectionMetrics");
            foreach (var group in actions.Where(a => a.Table.Definition.LocalSecondaryIndexes.Count > 0 && a.Kind != "ConditionCheck").GroupBy(a => a.Table))
            {
                response.WriteStartArray(group.Key.Definition.Name);
                foreach (var action in group)
                {
                    ItemCollectionMetrics.WriteObject(response, group.Key.Definition, action.Key);
                }

                response.WriteEndArray();
            }

            response.WriteEndObject();
        }

        response.WriteEndObject();
    }
}
