using System.Text.Json;
using DynamoStreams.Emulator.Errors;
using DynamoStreams.Emulator.Expressions;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Operations.Items;

/// <summary>
/// Adapts the legacy parameters (Expected, ConditionalOperator, AttributeUpdates, KeyConditions, QueryFilter,
/// ScanFilter) to the expression model.
/// </summary>
internal static class LegacyConditions
{
    public static ConditionExpression? ReadExpected(JsonElement body)
    {
        if (!JsonFields.TryGet(body, "Expected", out _))
        {
            return null;
        }

        throw DynamoDbErrors.Validation("The legacy parameter Expected is not supported by this emulator yet; use ConditionExpression.");
    }
}
