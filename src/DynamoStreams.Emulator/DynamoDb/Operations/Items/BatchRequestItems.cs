using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Reads the members BatchGetItem and BatchWriteItem share: the return options and a non-empty <c>RequestItems</c> map.</summary>
internal static class BatchRequestItems
{
    /// <summary>
    /// Reads the return options and <c>RequestItems</c> into <paramref name="errors"/> (not thrown, so the caller can add
    /// its own member constraints to the same message); returns whether a non-empty map is present.
    /// </summary>
    public static bool TryRead(JsonElement body, ValidationErrors errors, out ReturnOptions options, out JsonElement requestItems)
    {
        options = ReturnOptions.Read(body, errors);
        if (!JsonFields.TryGetObject(body, "RequestItems", out requestItems))
        {
            errors.NotNull("requestItems");
            return false;
        }

        if (!requestItems.EnumerateObject().Any())
        {
            errors.Add("{}", "requestItems", "Member must have length greater than or equal to 1");
            return false;
        }

        return true;
    }
}
