using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Storage;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// The members every single-item operation (GetItem, PutItem, UpdateItem, DeleteItem) reads first, in
/// DynamoDB's order: the table name, the key or item, and the <c>Return*</c> options, with the member
/// constraints collected into one validation error.
/// </summary>
internal readonly record struct SingleItemRequest(string TableName, Dictionary<string, AttributeValue> KeyOrItem, ReturnOptions Options)
{
    /// <summary>
    /// Reads the table name, <paramref name="member"/> (<c>Key</c> or <c>Item</c>) and the return options, after the
    /// operation's rules on mixing expression and legacy parameters (member constraints were checked with the shape).
    /// </summary>
    public static SingleItemRequest Read(JsonElement body, string member, ExpressionParameters parameters)
    {
        var errors = new ValidationErrors();
        var tableName = TableNames.Read(body);
        parameters.Check(body);
        var keyOrItem = RequestExpressions.ReadItem(body, member);
        if (keyOrItem is null)
        {
            errors.NotNull(member == "Key" ? "key" : "item");
        }

        var options = ReturnOptions.Read(body, errors);
        errors.ThrowIfAny();
        return new SingleItemRequest(tableName, keyOrItem!, options);
    }

    /// <summary>
    /// Reads the current item of <paramref name="key"/> under the table's lock (held by the caller) and checks
    /// the write's condition against it: a failed check throws ConditionalCheckFailedException, with the old
    /// item when ReturnValuesOnConditionCheckFailure asks for it.
    /// </summary>
    public StoredItem? ReadForWrite(StoredTable table, IReadOnlyDictionary<string, AttributeValue> key, ConditionExpression condition)
    {
        WriteConditions.EnsureLive(table);
        var old = table.Get(key);
        if (!condition.Evaluate(old?.Attributes))
        {
            throw new ConditionalCheckFailedError(Options.OldItemOnConditionFailure ? old?.Attributes : null);
        }

        return old;
    }
}
