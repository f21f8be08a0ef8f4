using System.Text.Json;
using DynamoStreams.Emulator.Errors;
using DynamoStreams.Emulator.Expressions;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Operations.Items;

/// <summary>Adapts the legacy QueryFilter, ScanFilter and KeyConditions to the expression model.</summary>
internal static class LegacyFilters
{
    public static ConditionExpression? Read(JsonElement body, string member)
    {
        if (!JsonFields.TryGet(body, member, out _))
        {
            return null;
        }

        throw DynamoDbErrors.Validation($"The legacy parameter {member} is not supported by this emulator yet; use FilterExpression.");
    }

    public static KeyCondition? ReadKeyConditions(JsonElement body, KeySchemaAttribute partitionKey, KeySchemaAttribute? sortKey)
    {
        if (!JsonFields.TryGet(body, "KeyConditions", out _))
        {
            return null;
        }

        throw DynamoDbErrors.Validation("The legacy parameter KeyConditions is not supported by this emulator yet; use KeyConditionExpression.");
    }
}
