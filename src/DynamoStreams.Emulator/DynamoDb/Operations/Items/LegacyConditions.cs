using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Adapts a write's legacy <c>Expected</c> and <c>ConditionalOperator</c> to a condition.</summary>
internal static class LegacyConditions
{
    public static ConditionExpression? ReadExpected(JsonElement body)
    {
        if (!JsonFields.TryGetObject(body, "Expected", out var expected))
        {
            return null;
        }

        return LegacyParameters.ConvertExpected(expected, JsonFields.GetString(body, "ConditionalOperator"));
    }
}
