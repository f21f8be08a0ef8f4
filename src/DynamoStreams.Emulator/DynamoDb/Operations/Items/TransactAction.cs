using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>One validated action of TransactWriteItems: ConditionCheck, Put, Update or Delete.</summary>
internal sealed class TransactAction
{
    public required string Kind { get; init; }

    public required StoredTable Table { get; init; }

    public required IReadOnlyDictionary<string, AttributeValue> Key { get; init; }

    public required ConditionExpression Condition { get; init; }

    public bool ReturnOldOnFailure { get; init; }

    public StoredItem? PutItem { get; init; }

    public UpdateExpression? Update { get; init; }

    public StoredItem? Old { get; set; }

    public StoredItem? New { get; set; }
}
