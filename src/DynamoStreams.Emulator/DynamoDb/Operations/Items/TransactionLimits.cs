using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// The rules TransactWriteItems and TransactGetItems share: 1 to 100 actions, one action per item, at most 4 MB of items
/// per transaction.
/// </summary>
internal static class TransactionLimits
{
    /// <summary>The largest aggregate size of the items of one transaction, in DynamoDB item-size bytes.</summary>
    public const long MaxAggregateBytes = 4L * 1024 * 1024;

    /// <summary>The message of the rejection (the service's own text is not published; see the emulator README).</summary>
    public const string AggregateSizeMessage = "Transaction request cannot be processed: the aggregate size of the items in the transaction exceeds 4 MB";

    /// <summary>Rejects a transaction whose items add up to more than 4 MB.</summary>
    /// <param name="aggregateBytes">The sum of the sizes of the items the transaction reads or writes.</param>
    public static void EnsureAggregateSize(long aggregateBytes)
    {
        if (aggregateBytes > MaxAggregateBytes)
        {
            throw DynamoDbErrors.Validation(AggregateSizeMessage);
        }
    }

    /// <summary>Reads <c>TransactItems</c>, recording a missing member or a count outside 1 to 100.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="errors">The request's constraint errors.</param>
    /// <returns>The actions (undefined when missing, after which <paramref name="errors"/> throws).</returns>
    public static JsonElement ReadActions(JsonElement body, ValidationErrors errors)
    {
        var hasItems = JsonFields.TryGetArray(body, "TransactItems", out var items);
        if (!hasItems)
        {
            errors.NotNull("transactItems");
        }
        else if (items.GetArrayLength() is < 1 or > 100)
        {
            errors.Add("[...]", "transactItems", items.GetArrayLength() < 1 ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 100");
        }

        return items;
    }

    /// <summary>Rejects a second action on an item the transaction already names.</summary>
    /// <param name="seen">The items named so far, by table.</param>
    /// <param name="table">The action's table.</param>
    /// <param name="item">The action's item.</param>
    public static void EnsureOneActionPerItem(HashSet<(StoredTable, ItemKey)> seen, StoredTable table, ItemKey item)
    {
        if (!seen.Add((table, item)))
        {
            throw DynamoDbErrors.Validation("Transaction request cannot include multiple operations on one item");
        }
    }
}
