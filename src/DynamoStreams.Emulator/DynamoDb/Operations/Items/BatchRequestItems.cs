using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Reads the members BatchGetItem and BatchWriteItem share: the return options and the <c>RequestItems</c> map.</summary>
internal static class BatchRequestItems
{
    /// <summary>
    /// Reads the return options and <c>RequestItems</c>, whose constraints (required, 1 to 100 or 25 tables, table
    /// names, list lengths) the request's shape check has applied.
    /// </summary>
    public static JsonElement Read(JsonElement body, out ReturnOptions options)
    {
        var errors = new ValidationErrors();
        options = ReturnOptions.Read(body, errors);
        errors.ThrowIfAny();
        JsonFields.TryGetObject(body, "RequestItems", out var requestItems);
        return requestItems;
    }
}
