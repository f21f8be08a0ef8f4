using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Adapts the legacy QueryFilter, ScanFilter and KeyConditions to the expression model.</summary>
internal static class LegacyFilters
{
    public static ConditionExpression? Read(JsonElement body, string member) =>
        JsonFields.TryGetObject(body, member, out var filter)
            ? LegacyParameters.ConvertFilter(filter, JsonFields.GetString(body, "ConditionalOperator"))
            : null;

    /// <summary>Reads KeyConditions into terms, or null when absent; the key schema is applied later.</summary>
    public static List<KeyConditionTerm>? ReadKeyConditionTerms(JsonElement body) =>
        JsonFields.TryGetObject(body, "KeyConditions", out var conditions)
            ? LegacyParameters.ReadKeyConditionTerms(conditions)
            : null;
}
