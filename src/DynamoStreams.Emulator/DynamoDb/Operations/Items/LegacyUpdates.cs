using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Adapts UpdateItem's legacy <c>AttributeUpdates</c> to an update expression.</summary>
internal static class LegacyUpdates
{
    public static UpdateExpression? ReadAttributeUpdates(JsonElement body) =>
        JsonFields.TryGetObject(body, "AttributeUpdates", out var updates) ? LegacyParameters.ConvertAttributeUpdates(updates) : null;
}
