using System.Text.Json;
using DynamoStreams.Emulator.Errors;
using DynamoStreams.Emulator.Expressions;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Operations.Items;

/// <summary>Adapts UpdateItem's legacy <c>AttributeUpdates</c> to an update expression.</summary>
internal static class LegacyUpdates
{
    public static UpdateExpression? ReadAttributeUpdates(JsonElement body)
    {
        if (!JsonFields.TryGet(body, "AttributeUpdates", out _))
        {
            return null;
        }

        throw DynamoDbErrors.Validation("The legacy parameter AttributeUpdates is not supported by this emulator yet; use UpdateExpression.");
    }
}
