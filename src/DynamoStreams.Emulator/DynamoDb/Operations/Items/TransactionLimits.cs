using DynamoStreams.Emulator.DynamoDb.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>The aggregate-size rule TransactWriteItems and TransactGetItems share: at most 4 MB of items per transaction.</summary>
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
}
